/* tslint:disable */
/* eslint-disable */

/** Yuan as a decimal string with at most two decimals: "1234.50". Never a number. */
export type MoneyString = string;
/** Local China time "YYYY-MM-DDTHH:MM[:SS[.fff]]" (a space may replace T), or RFC 3339 with Z or ±HH:MM. */
export type TimeString = string;
/** "YYYY-MM-DD". */
export type DateString = string;

export type Method = "card" | "contactless" | "qr";
export type CardKind = "credit" | "debit";
export type CardMedium = "chip" | "magstripe";
export type Wallet = "alipay" | "wechat" | "unionpay";
export type MerchantTier = "new" | "premium";
export type Verification = "face_and_card" | "face_only" | "none";
export type CreditRate = "standard" | "bulk" | "premium";

/** A payment. Fields that do not apply to the method are left out (or null / false). */
export interface PaymentInput {
    amount: MoneyString;
    method: Method;
    cardKind?: CardKind | null;
    cardMedium?: CardMedium | null;
    magstripeVerified?: boolean | null;
    wallet?: Wallet | null;
    largeMode?: boolean | null;
    time?: TimeString | null;
}

/** A payment instrument: a payment without amount and time. */
export type InstrumentInput = Omit<PaymentInput, "amount" | "time"> & { method: Method };

export interface WalletInput {
    enabled?: boolean | null;
    verified?: boolean | null;
}

export interface MerchantInput {
    tier: MerchantTier;
    verification: Verification;
    creditRate: CreditRate;
    activated: boolean;
    wallets?: { alipay?: WalletInput | null; wechat?: WalletInput | null; unionpay?: WalletInput | null } | null;
    largeModeApproved?: boolean | null;
}

/** What the merchant already used on the payment's accounting date. Bucket names are the plan's (snake_case). */
export interface UsageInput {
    used?: { [bucket: string]: MoneyString };
    counts?: { [bucket: string]: number };
}

export interface QuoteOptions {
    /** Answer with a provisional (Monday–Friday) arrival for years the calendar lacks, instead of throwing calendar_not_covered. */
    provisional?: boolean | null;
}

export interface MixLineInput {
    payment: PaymentInput;
    count: number;
}

export interface EligibilityInput {
    /** Oldest first. */
    monthlyVolumes?: MoneyString[];
    devices?: number;
    annualAgreement?: boolean;
    riskRecord?: boolean;
    verification: Verification;
}

/** A statement for Engine.feeBatch. */
export interface FeeBatchInput {
    /** One decimal string per payment. */
    amounts: MoneyString[];
    /** The distinct instruments of the statement. */
    instruments: InstrumentInput[];
    /** Per payment, its index into instruments (may be left out when there is one instrument). */
    instrumentIndex?: Uint8Array | Uint16Array | Uint32Array | number[] | null;
}

export interface FeeBatch {
    fees: MoneyString[];
    /** amount − fee, per payment. */
    nets: MoneyString[];
    totalAmount: MoneyString;
    totalFee: MoneyString;
    totalNet: MoneyString;
    count: number;
}

/** A statement for Engine.feeBatchText: the amounts as one text, one per line ("12.50\n3000.00\n"). */
export interface FeeBatchTextInput {
    amounts: string;
    instruments: InstrumentInput[];
    instrumentIndex?: Uint8Array | Uint16Array | Uint32Array | number[] | null;
}

export interface FeeBatchText {
    /** One fee per line, in the order of the amounts. */
    fees: string;
    /** One net (amount − fee) per line. */
    nets: string;
    totalAmount: MoneyString;
    totalFee: MoneyString;
    totalNet: MoneyString;
    count: number;
}

export interface RuleRef {
    id: string;
    nameZh: string;
    nameEn: string;
    ratePercent: string;
    cap: MoneyString | null;
}

export interface FeeDetail {
    /** The percentage part after rounding, cap and minimum: fee = percentage + fixed. */
    percentage: MoneyString;
    capped: boolean;
    minimumApplied: boolean;
    fixed: MoneyString;
}

export interface Fee {
    rule: RuleRef;
    fee: MoneyString;
    net: MoneyString;
    detail: FeeDetail;
}

export type RefusalCode =
| "merchant_not_activated"
| "debit_chip_only"
| "wallet_not_enabled"
| "wallet_not_verified"
| "large_mode_not_approved"
| "single_limit_exceeded"
| "daily_limit_exceeded";

export interface Refusal {
    code: RefusalCode;
    dimension: string | null;
    cap: MoneyString | null;
    countCap: number | null;
    leftToday: MoneyString | null;
    messageZh: string;
    messageEn: string;
}

export interface Step {
    code: string;
    zh: string;
    en: string;
}

export interface SingleCap {
    dimension: string;
    cap: MoneyString;
}

export interface DailyBucket {
    bucket: string;
    class: string | null;
    cap: MoneyString | null;
    countCap: number | null;
    used: MoneyString;
    usedCount: number;
    left: MoneyString | null;
    leftCount: number | null;
}

export interface LimitCheck {
    singleCap: MoneyString | null;
    singleDimension: string | null;
    dailyDimension: string | null;
    leftToday: MoneyString | null;
    leftAfter: MoneyString | null;
    single: SingleCap[];
    daily: DailyBucket[];
    raiseSteps: Step[];
}

export interface Arrival {
    date: DateString;
    realtime: boolean;
    accountingDate: DateString;
    provisional: boolean;
    uncoveredYears: number[];
    /** The settlement rule that applied. */
    rule: string;
}

export interface Quote {
    outcome: "accepted" | "refused";
    amount: MoneyString;
    /** Also given for a refusal: what it would have cost. */
    fee: MoneyString;
    net: MoneyString;
    rule: RuleRef;
    feeDetail: FeeDetail;
    accountingDate: DateString;
    refusal: Refusal | null;
    /** Null when an acceptance rule refused first. */
    limits: LimitCheck | null;
    /** Null for a refusal. */
    arrival: Arrival | null;
}

export interface FrozenWindow {
    first: DateString;
    last: DateString;
    provisional: boolean;
    uncoveredYears: number[];
}

export interface Milestone {
    volume: MoneyString;
    cashback: MoneyString;
}

export interface NextMilestone {
    volume: MoneyString;
    cashback: MoneyString;
    stillNeeded: MoneyString;
}

export interface ActivationProgress {
    activationFee: MoneyString;
    volume: MoneyString;
    earned: MoneyString;
    netCost: MoneyString;
    reached: Milestone[];
    next: NextMilestone | null;
}

export interface EligibilityAnswer {
    eligible: boolean;
    /** Unmet condition codes: monthly_volume, devices, annual_agreement, risk_record, verification. */
    unmet: string[];
    steps: Step[];
}

export interface EligibilityAnswers {
    premiumRate: EligibilityAnswer;
    bulkRate: EligibilityAnswer;
    limitUpgrade: EligibilityAnswer;
}

export interface LineCost {
    ruleA: string;
    ruleB: string;
    feeA: MoneyString;
    feeB: MoneyString;
    totalA: MoneyString;
    totalB: MoneyString;
}

export interface Comparison {
    planA: string;
    planB: string;
    totalA: MoneyString;
    totalB: MoneyString;
    /** totalB − totalA. */
    difference: MoneyString;
    cheaper: "a" | "b" | "equal";
    volume: MoneyString;
    payments: number;
    lines: LineCost[];
}

export interface YearVersion {
    year: number;
    dataVersion: string;
    origin: "embedded" | "loaded";
    notice: string | null;
    papers: string[];
}

export interface DataVersions {
    library: string;
    planId: string;
    planVersion: string;
    planSchema: number;
    calendarYears: YearVersion[];
    calendarValidUntil: DateString | null;
}

export interface DayInfo {
    date: DateString;
    working: boolean;
    kind: "workday" | "weekend" | "holiday" | "adjusted_working_day";
    nameZh: string | null;
    nameEn: string | null;
}

export type ErrorCode =
| "invalid_amount"
| "invalid_time"
| "invalid_field"
| "calendar_not_covered"
| "no_fee_rule"
| "plan_syntax"
| "plan_invalid"
| "plan_unsupported_schema"
| "plan_incomplete"
| "calendar_syntax"
| "calendar_invalid"
| "calendar_unsupported_schema"
| "calendar_year_covered"
| "overflow";



/**
 * A working-day calendar: the embedded years, or years loaded at run time.
 */
export class Calendar {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * What a date is: working day, weekend, holiday or adjusted working day.
     */
    day(date: string): DayInfo;
    /**
     * The embedded mainland calendar.
     */
    static embedded(): Calendar;
    /**
     * Loads a calendar file (JSON text, or the parsed object).
     */
    static fromJson(json: string | object): Calendar;
    /**
     * The covered years and their data versions.
     */
    versions(): YearVersion[];
    /**
     * The covered years, ascending.
     */
    years(): number[];
    /**
     * The last day of the unbroken coverage (`YYYY-MM-DD`).
     */
    readonly validUntil: string | undefined;
}

/**
 * Accepted payments by accounting date, so callers need not track the day's
 * usage themselves.
 */
export class DayLedger {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The accounting dates the ledger holds (`YYYY-MM-DD`).
     */
    dates(): string[];
    /**
     * An empty ledger.
     */
    constructor();
    /**
     * Quotes and records many payments in order, in one call (a statement);
     * the first invalid payment throws, naming `payments[i]`.
     */
    quoteAll(engine: Engine, merchant: MerchantInput, payments: PaymentInput[], options?: QuoteOptions | null): Quote[];
    /**
     * Quotes a payment against the usage recorded for its accounting date,
     * and records it when accepted.
     */
    quoteAndRecord(engine: Engine, merchant: MerchantInput, payment: PaymentInput, options?: QuoteOptions | null): Quote;
}

/**
 * A plan and a calendar together: the way to ask questions.
 */
export class Engine {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The accounting date of a time (日切 applied), `YYYY-MM-DD`.
     */
    accountingDate(time: string): string;
    /**
     * Activation cashback progress at a cumulative volume (decimal string).
     */
    activation(volume: string): ActivationProgress;
    /**
     * When the money of a payment arrives.
     */
    arrival(payment: PaymentInput, options?: QuoteOptions | null): Arrival;
    /**
     * The versions of the plan and calendar data in use.
     */
    dataVersions(): DataVersions;
    /**
     * Which of the premium rate, bulk rate and limit upgrade a merchant may
     * apply for, and what is unmet.
     */
    eligibility(facts: EligibilityInput): EligibilityAnswers;
    /**
     * Adds calendar years loaded at run time (`calendar_year_covered` for a
     * year already covered).
     */
    extendCalendar(calendar: Calendar): void;
    /**
     * Like `feeBatch`, with the amounts as one text, one decimal string per
     * line (a statement column as read from a file); the fees and nets come
     * back as texts the same way. The fastest way to price many payments.
     */
    feeBatchText(merchant: MerchantInput, batch: FeeBatchTextInput): FeeBatchText;
    /**
     * The fees of many payments in one call (a statement): amounts as
     * decimal strings, each naming one of a few instruments.
     */
    feeBatch(merchant: MerchantInput, batch: FeeBatchInput): FeeBatch;
    /**
     * The fee of a payment alone (its time, if any, is not used).
     */
    fee(merchant: MerchantInput, payment: PaymentInput): Fee;
    /**
     * The frozen-funds review window after a submission date (`YYYY-MM-DD`).
     */
    frozenWindow(submitted: string, options?: QuoteOptions | null): FrozenWindow;
    /**
     * Loads a calendar file (JSON text or object) and adds its years.
     */
    loadCalendar(json: string | object): void;
    /**
     * Loads a plan file (JSON text or object) and uses it.
     */
    loadPlan(json: string | object): void;
    /**
     * The embedded 优POS plan with the embedded calendar.
     */
    constructor();
    /**
     * Fee, acceptance, limits against the day's usage, and arrival.
     */
    quote(merchant: MerchantInput, payment: PaymentInput, usage?: UsageInput | null, options?: QuoteOptions | null): Quote;
    /**
     * Replaces the plan (e.g. with one loaded at run time).
     */
    setPlan(plan: Plan): void;
    /**
     * An engine over a plan and a calendar.
     */
    static withData(plan: Plan, calendar: Calendar): Engine;
    /**
     * The calendar in use.
     */
    readonly calendar: Calendar;
    /**
     * The plan in use.
     */
    readonly plan: Plan;
}

/**
 * A fee plan: the embedded 优POS or reference plan, or one loaded at run time.
 */
export class Plan {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Loads and validates a plan file (JSON text, or the parsed object).
     */
    static fromJson(json: string | object): Plan;
    /**
     * The embedded industry reference plan (0.60% + 3.00).
     */
    static reference(): Plan;
    /**
     * The plan as JSON text (the format `Plan.fromJson` reads).
     */
    toJson(): string;
    /**
     * The embedded 优POS plan.
     */
    static upos(): Plan;
    /**
     * The plan's data version.
     */
    readonly dataVersion: string;
    /**
     * The plan id (`upos`, `reference`, …).
     */
    readonly id: string;
}

/**
 * What a payment mix costs under plan A and under plan B.
 */
export function compare(planA: Plan, planB: Plan, merchant: MerchantInput, mix: MixLineInput[]): Comparison;

/**
 * Validates a payment amount (a decimal string of yuan, at most two
 * decimals, above zero) and returns it with exactly two decimals: "12.5" →
 * "12.50". Errors name `field` (default `amount`).
 */
export function parseAmount(text: string, field?: string | null): string;

/**
 * The library version.
 */
export function version(): string;
