/* tslint:disable */
/* eslint-disable */
// Generated from posfee-core's answer types by `core/src/ts.rs`; do not edit.
// Regenerate: POSFEE_BLESS=1 cargo test -p posfee-core ts

/** Where a merchant stands on activation cashback. */
export type ActivationProgress = {
    /** The activation service fee. */
    activationFee: MoneyString;
    /** The volume counted (after activation; the activation swipe excluded). */
    volume: MoneyString;
    /** Cashback earned so far. */
    earned: MoneyString;
    /** Activation fee minus cashback earned. */
    netCost: MoneyString;
    /** Milestones reached. */
    reached: Array<Milestone>;
    /** The next milestone, if any. */
    next: NextMilestone | null;
};

/** When the money of a payment arrives (到账). */
export type Arrival = {
    /** The date the money arrives. */
    date: string;
    /** Real time (T+0). */
    realtime: boolean;
    /** The accounting date (日切 applied). */
    accountingDate: string;
    /** Whether some working day was assumed Monday–Friday for an uncovered year. */
    provisional: boolean;
    /** The uncovered years assumed. */
    uncoveredYears: Array<number>;
    /**
     * The calendar years whose data answered, with their data version and
     * origin (embedded or loaded), in the order consulted; empty for a
     * real-time answer, which needs no calendar.
     */
    calendar: Array<ConsultedYear>;
    /** The settlement rule that applied. */
    rule: string;
    /**
     * Set on a T+N answer whose accounting date the day cut-off moved to
     * the next day (RULES §7): the explanation, code `after_cutoff`.
     */
    cutoffNote: Step | null;
};

/** The audit's totals; every total is the sum of the lines' findings. */
export type AuditSummary = {
    /** Lines audited. */
    lines: number;
    /** Lines with nothing found. */
    ok: number;
    /** Lines with findings. */
    withFindings: number;
    /** Lines that could not be judged. */
    unjudgeable: number;
    /** Count per finding code (every code present). */
    counts: Record<FindingCode, number>;
    /** Total overcharged. */
    overcharged: MoneyString;
    /** Total undercharged. */
    undercharged: MoneyString;
    /** Total net mismatch. */
    netMismatch: MoneyString;
    /** Net value of duplicate settlements. */
    duplicates: MoneyString;
    /** Net value settled late. */
    settledLate: MoneyString;
    /** Net value not settled past its due date. */
    notSettled: MoneyString;
    /** Fees charged on judged lines. */
    feesCharged: MoneyString;
    /** Fees the plan expects on judged lines. */
    feesExpected: MoneyString;
};

/**
 * A comparison of two plans over a month's mix, in total and per contract
 * channel.
 */
export type ChannelComparison = {
    /** Plan A's id. */
    planA: string;
    /** Plan B's id. */
    planB: string;
    /** Total fees under A. */
    totalA: MoneyString;
    /** Total fees under B. */
    totalB: MoneyString;
    /** total_b − total_a. */
    difference: MoneyString;
    /** |difference|: what the cheaper plan saves. */
    saving: MoneyString;
    /** Which is cheaper. */
    cheaper: Cheaper;
    /** Total amount paid. */
    volume: MoneyString;
    /** Number of payments. */
    payments: number;
    /** Per channel present in the mix, in channel order. */
    channels: Array<ChannelCost>;
    /** Per mix line, in mix order. */
    lines: Array<ChannelLineCost>;
};

/** One channel's cost under both plans. */
export type ChannelCost = {
    /** The channel. */
    channel: ContractChannel;
    /** Chinese label. */
    nameZh: string;
    /** English label. */
    nameEn: string;
    /** Number of payments in the channel. */
    payments: number;
    /** Amount paid in the channel. */
    volume: MoneyString;
    /** Fees under A. */
    totalA: MoneyString;
    /** Fees under B. */
    totalB: MoneyString;
    /** total_b − total_a. */
    difference: MoneyString;
    /** |difference|: what the cheaper plan saves. */
    saving: MoneyString;
    /** Which is cheaper in this channel. */
    cheaper: Cheaper;
};

/** One mix line's cost under both plans, with its channel. */
export type ChannelLineCost = {
    /** The contract channel the payment falls into. */
    channel: ContractChannel;
    /** Rule of plan A. */
    ruleA: string;
    /** Rule of plan B. */
    ruleB: string;
    /** Fee per payment under A. */
    feeA: MoneyString;
    /** Fee per payment under B. */
    feeB: MoneyString;
    /** fee_a × count. */
    totalA: MoneyString;
    /** fee_b × count. */
    totalB: MoneyString;
};

/** Which plan is cheaper. */
export type Cheaper = "a" | "b" | "equal";

/** One column of the file's header and the field it was mapped to. */
export type ColumnMapping = {
    /** The column's name as the file writes it. */
    column: string;
    /**
     * The statement field it was read as; `None` for a column posfee does
     * not read (listed in [`StatementLayout::unknown_columns`]).
     */
    field: string | null;
};

/** A comparison of two plans over a month's mix. */
export type Comparison = {
    /** Plan A's id. */
    planA: string;
    /** Plan B's id. */
    planB: string;
    /** Total fees under A. */
    totalA: MoneyString;
    /** Total fees under B. */
    totalB: MoneyString;
    /** total_b − total_a. */
    difference: MoneyString;
    /** Which is cheaper. */
    cheaper: Cheaper;
    /** Total amount paid. */
    volume: MoneyString;
    /** Number of payments. */
    payments: number;
    /** Per line. */
    lines: Array<LineCost>;
};

/**
 * One calendar year whose data answered a question: its data version and
 * where it came from (embedded or loaded at run time).
 */
export type ConsultedYear = {
    /** The calendar year. */
    year: number;
    /** The data version of the file it came from. */
    dataVersion: string;
    /** Embedded or loaded. */
    origin: DataOrigin;
};

/**
 * A channel of a merchant's contract, in the first-match order of the
 * 优POS fee rules F1–F5.
 */
export type ContractChannel = "qr" | "small_contactless" | "debit" | "contactless" | "credit";

/** A daily bucket that applies to the payment, with its usage. */
export type DailyBucket = {
    /** Bucket name. */
    bucket: string;
    /** Class within the bucket. */
    class: string | null;
    /** Money cap. */
    cap: MoneyString | null;
    /** Count cap. */
    countCap: number | null;
    /** Money used before this payment. */
    used: MoneyString;
    /** Payments counted before this payment. */
    usedCount: number;
    /** Money left before this payment (never below zero). */
    left: MoneyString | null;
    /** Payments left before this payment. */
    leftCount: number | null;
};

/** Where a year's data came from. */
export type DataOrigin = "embedded" | "loaded";

/** The versions of the data in use, for display in every binding. */
export type DataVersions = {
    /** Library version. */
    library: string;
    /** Plan id. */
    planId: string;
    /** Plan data version. */
    planVersion: string;
    /** Plan schema version read. */
    planSchema: number;
    /** Covered calendar years and their versions. */
    calendarYears: Array<YearVersion>;
    /** Last day of the unbroken coverage. */
    calendarValidUntil: string | null;
};

/** One date, as the calendar sees it. */
export type DayInfo = {
    /** The date. */
    date: string;
    /** Whether it is a working day. */
    working: boolean;
    /** The kind of day. */
    kind: DayKind;
    /** The festival or adjustment name in Chinese. */
    nameZh: string | null;
    /** The festival or adjustment name in English. */
    nameEn: string | null;
};

/** What kind of day a date is. */
export type DayKind = "workday" | "weekend" | "holiday" | "adjusted_working_day";

/** The encoding a statement was read in, and how it was settled. */
export type DetectedEncoding = {
    /** The encoding. */
    encoding: TextEncoding;
    /** How it was settled. */
    source: EncodingSource;
};

/** The answer: causes ranked most likely first. */
export type Diagnosis = {
    /** What happened. */
    situation: Situation;
    /** Its name in Chinese. */
    situationZh: string;
    /** Its name in English. */
    situationEn: string;
    /** Set when the money is simply not due yet. */
    notDue: NotDue | null;
    /** Set when the plan's own acceptance or limit rules refuse the payment. */
    planRefusal: Refusal | null;
    /** Causes, most likely first. */
    causes: Array<RankedCause>;
    /** Recovery steps (suspension). */
    recoverySteps: Array<Step>;
    /**
     * Notes beside the causes: `posfee_heuristic` when a cause was ranked
     * by posfee's own heuristic (naming which), and for a suspension what
     * it risks if left unresolved (seed 003).
     */
    notes: Array<Step>;
    /** The provider's customer service line (plan data). */
    supportLine: string;
    /** The version of the catalogue. */
    catalogueVersion: string;
};

/** One eligibility answer. */
export type EligibilityAnswer = {
    /** Every condition is met. */
    eligible: boolean;
    /** Codes of the conditions not met, in a fixed order. */
    unmet: Array<string>;
    /** What to do next. */
    steps: Array<Step>;
};

/** The three eligibility answers. */
export type EligibilityAnswers = {
    /** The premium credit rate. */
    premiumRate: EligibilityAnswer;
    /** The bulk credit rate. */
    bulkRate: EligibilityAnswer;
    /** A limit upgrade. */
    limitUpgrade: EligibilityAnswer;
};

/** How the encoding was settled. */
export type EncodingSource = "bom" | "detected" | "named";

/**
 * Stable snake_case error codes. They never change meaning once published;
 * every binding exposes the same strings.
 */
export type ErrorCode = "invalid_amount" | "invalid_time" | "invalid_field" | "calendar_not_covered" | "no_fee_rule" | "plan_syntax" | "plan_invalid" | "plan_unsupported_schema" | "plan_incomplete" | "calendar_syntax" | "calendar_invalid" | "calendar_unsupported_schema" | "calendar_year_covered" | "overflow" | "invalid_csv" | "input_too_large" | "invalid_state" | "internal" | "profile_syntax" | "profile_invalid";

/**
 * The error of every fallible posfee call.
 *
 * `code` says what kind of failure it is, `field` names the input (a path
 * such as `payment.amount` or `fee_rules[2].cap`), `reason` is a stable
 * snake_case detail (`too_many_decimals`, `missing`, …), `year` is set for
 * [`ErrorCode::CalendarNotCovered`], and the two messages are for people.
 */
export type ErrorInfo = {
    code: ErrorCode;
    field: string;
    reason: string;
    year: number | null;
    messageZh: string;
    messageEn: string;
};

/** A priced charge: fee, net and the rule. */
export type Fee = {
    /** The rule. */
    rule: RuleRef;
    /** The fee. */
    fee: MoneyString;
    /** amount − fee (negative when a fixed fee exceeds the amount). */
    net: MoneyString;
    /** How the fee was made up. */
    detail: FeeDetail;
};

/** How the fee was made up. */
export type FeeDetail = {
    /** The percentage part after rounding, cap and minimum. */
    percentage: MoneyString;
    /** The cap was applied. */
    capped: boolean;
    /** The minimum was applied. */
    minimumApplied: boolean;
    /** The fixed part. */
    fixed: MoneyString;
};

/** One finding, with the money at stake. */
export type Finding = {
    /** The finding. */
    code: FindingCode;
    /**
     * Money at stake: the fee difference, the net difference, the duplicate's
     * net, or the net not yet settled.
     */
    amount: MoneyString;
    /** Chinese message. */
    messageZh: string;
    /** English message. */
    messageEn: string;
};

/** What an audit found on a line. */
export type FindingCode = "fee_overcharged" | "fee_undercharged" | "net_mismatch" | "duplicate_settlement" | "settled_late" | "not_settled";

/**
 * The frozen-funds review window (资金冻结): from the plan's first to its
 * last working day strictly after the submission date.
 */
export type FrozenWindow = {
    /** The earliest day the review ends. */
    first: string;
    /** The latest day the review ends. */
    last: string;
    /** Whether an uncovered year was assumed Monday–Friday. */
    provisional: boolean;
    /** The uncovered years assumed. */
    uncoveredYears: Array<number>;
    /** The calendar years whose data answered (see [`Arrival::calendar`]). */
    calendar: Array<ConsultedYear>;
};

/** The licence as the source gives it, judged on a day. */
export type LicenceFacts = {
    /** The licence number. */
    number: string;
    /** What it covers, in Chinese. */
    scopeZh: string;
    /** What it covers, in English. */
    scopeEn: string;
    /** The validity date the source gives. */
    validUntil: string;
    /** Whether that date has passed on the day asked. */
    datePassed: boolean;
};

/** The limit answer for a payment. */
export type LimitCheck = {
    /** The smallest single cap that applies. */
    singleCap: MoneyString | null;
    /** Its dimension. */
    singleDimension: string | null;
    /** The daily bucket with the least money left. */
    dailyDimension: string | null;
    /** The least money left in any daily bucket that applies, before this payment. */
    leftToday: MoneyString | null;
    /** `left_today` minus the amount, when accepted. */
    leftAfter: MoneyString | null;
    /** Every single cap that applies, in plan order. */
    single: Array<SingleCap>;
    /** Every daily bucket that applies, in plan order. */
    daily: Array<DailyBucket>;
    /**
     * What the merchant can do about the cap that binds: the refusal's cap
     * when refused, else the smallest single cap (the plan's advice for it,
     * RULES §6; another means of payment only when it takes more).
     */
    raiseSteps: Array<Step>;
};

/** The audit of one statement line. */
export type LineAudit = {
    /** 0-based position in the statement. */
    index: number;
    /** Line number in the CSV file, when read from CSV. */
    lineNumber: number | null;
    /** Transaction id, when readable. */
    id: string | null;
    /** Ok, findings or unjudgeable. */
    status: LineStatus;
    /** What was found. */
    findings: Array<Finding>;
    /** The plan's fee. */
    expectedFee: MoneyString | null;
    /** The fee charged. */
    feeCharged: MoneyString | null;
    /** The fee rule. */
    rule: string | null;
    /** The expected arrival date. */
    expectedArrival: string | null;
    /** Whether the arrival is real time. */
    realtime: boolean | null;
    /** The settlement date given. */
    settledDate: string | null;
    /** Why the line cannot be judged. */
    error: ErrorInfo | null;
    /**
     * Why the arrival could not be worked out (e.g. `calendar_not_covered`);
     * the fee is still judged.
     */
    arrivalError: ErrorInfo | null;
    /** Likely causes, for fee findings (seed 问题4). */
    likelyCauses: Array<Step>;
    /** What to do, for fee findings. */
    actions: Array<Step>;
};

/** One line's cost under both plans. */
export type LineCost = {
    /** Rule of plan A. */
    ruleA: string;
    /** Rule of plan B. */
    ruleB: string;
    /** Fee per payment under A. */
    feeA: MoneyString;
    /** Fee per payment under B. */
    feeB: MoneyString;
    /** fee_a × count. */
    totalA: MoneyString;
    /** fee_b × count. */
    totalB: MoneyString;
};

/** How a line came out. */
export type LineStatus = "ok" | "findings" | "unjudgeable";

/** A cashback milestone on cumulative volume after activation. */
export type Milestone = {
    /** Volume at which it is reached (≥). */
    volume: MoneyString;
    /** Cashback paid. */
    cashback: MoneyString;
};

/**
 * An amount of CNY, always held to the fen (two decimals).
 *
 * Money is never a binary float: it is parsed from decimal strings and
 * written as `"1234.50"`. Sums and differences may be negative (a net
 * amount after a fixed fee, a plan comparison); amounts of payments are
 * always positive.
 */
export type MoneyString = string;

/** The next cashback milestone and the volume still needed to reach it. */
export type NextMilestone = {
    /** The milestone's volume. */
    volume: MoneyString;
    /** Its cashback. */
    cashback: MoneyString;
    /** Volume still needed. */
    stillNeeded: MoneyString;
};

/** The payment is simply not due yet. */
export type NotDue = {
    /** The expected arrival date. */
    due: string;
    /** Real-time arrival. */
    realtime: boolean;
    /** The date assumed Monday–Friday for an uncovered year. */
    provisional: boolean;
};

/** Accepted or refused. */
export type Outcome = "accepted" | "refused";

/**
 * A percentage rate such as `"0.55"` (0.55 %), from 0 to 100 with at most
 * six decimals.
 */
export type PercentString = string;

/** The provider's facts on a day. */
export type ProviderFacts = {
    /** Chinese name. */
    nameZh: string;
    /** English name. */
    nameEn: string;
    /** Customer service line. */
    supportLine: string;
    /** The licence, when the plan gives one. */
    licence: LicenceFacts | null;
    /**
     * In order: the licence's validity as the source gives it
     * (`licence_stated_valid` up to its date, `licence_date_passed` after
     * it: posfee never says a licence is valid past the date its data
     * gives), where to check it (`licence_check`), and how funds are
     * cleared (the plan's own code).
     */
    notes: Array<Step>;
};

/**
 * The answer to "what will this payment cost, will it go through, and when
 * does the money arrive?"
 */
export type Quote = {
    /** Accepted or refused. */
    outcome: Outcome;
    /** The amount. */
    amount: MoneyString;
    /** The fee (also given for a refusal: what it would have cost). */
    fee: MoneyString;
    /** amount − fee. */
    net: MoneyString;
    /** The fee rule applied. */
    rule: RuleRef;
    /** How the fee was made up. */
    feeDetail: FeeDetail;
    /** The accounting date (日切 applied). */
    accountingDate: string;
    /** Why it was refused. */
    refusal: Refusal | null;
    /** The limit check (absent when an acceptance rule refused first). */
    limits: LimitCheck | null;
    /** When the money arrives (absent for a refusal). */
    arrival: Arrival | null;
};

/** A cause, ranked, with the facts that point to it and what to do. */
export type RankedCause = {
    /** Stable code. */
    code: string;
    /** Chinese text. */
    zh: string;
    /** English text. */
    en: string;
    /** The signals among the facts that point to this cause. */
    matched: Array<DiagnoseSignal>;
    /**
     * Whether a signal it was ranked by is posfee's own heuristic (a
     * threshold or keyword list the seeds do not give), not the seeds'.
     */
    heuristic: boolean;
    /** Seeds the cause is drawn from. */
    seeds: Array<string>;
    /** What to do, in order. */
    actions: Array<Step>;
};

/** A refusal with what bound it. */
export type Refusal = {
    /** The code. */
    code: RefusalCode;
    /** The binding dimension or bucket, for limit refusals. */
    dimension: string | null;
    /** The binding money cap. */
    cap: MoneyString | null;
    /** The binding count cap. */
    countCap: number | null;
    /** What is left today (see [`LimitCheck::left_today`]). */
    leftToday: MoneyString | null;
    /**
     * What the merchant can do about the cap that refused (RULES §6): the
     * plan's advice for that cap; empty for acceptance refusals, whose
     * message says how to fix them.
     */
    steps: Array<Step>;
    /** Chinese message with how to fix it. */
    messageZh: string;
    /** English message with how to fix it. */
    messageEn: string;
};

/** Why a payment is refused: acceptance codes (§5) and limit codes (§6). */
export type RefusalCode = "merchant_not_activated" | "debit_chip_only" | "wallet_not_enabled" | "wallet_not_verified" | "large_mode_not_approved" | "single_limit_exceeded" | "daily_limit_exceeded";

/** The rule that priced a payment. */
export type RuleRef = {
    /** Rule id (`F5`). */
    id: string;
    /** Chinese name (信用卡刷卡). */
    nameZh: string;
    /** English name. */
    nameEn: string;
    /** The rate applied, in percent. */
    ratePercent: PercentString;
    /** The cap of the percentage part, if any. */
    cap: MoneyString | null;
};

/** A single-transaction cap that applies to the payment. */
export type SingleCap = {
    /** Dimension name. */
    dimension: string;
    /** The cap. */
    cap: MoneyString;
};

/** What happened. */
export type Situation = "not_arrived" | "declined" | "huabei_unavailable" | "suspended" | "records_missing";

/** How a statement file was read: encoding, profile, header and columns. */
export type StatementLayout = {
    /** The profile's id. */
    profile: string;
    /**
     * The encoding the file was read in; none (`null`) for rows of cells that
     * were text already (an .xlsx sheet's, fed with `feed_row`).
     */
    encoding: DetectedEncoding | null;
    /** The header's line number (1-based). */
    headerLine: number;
    /** Rows above the header that were skipped as titles. */
    titleRows: number;
    /** Every column of the header, in the file's order. */
    columns: Array<ColumnMapping>;
    /** The columns posfee does not read (reported, not guessed). */
    unknownColumns: Array<string>;
};

/** A text in both languages with a stable code (a step, a requirement). */
export type Step = {
    /** Stable code. */
    code: string;
    /** Chinese text. */
    zh: string;
    /** English text. */
    en: string;
};

/** A statement file's text encoding. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/** One total, stated and summed. */
export type TotalCheck = {
    /** `amount`, `fee_charged` or `net_settled`. */
    field: string;
    /** The statement's total. */
    stated: MoneyString;
    /** The sum of its lines. */
    summed: MoneyString;
    /** Whether they are equal. */
    agrees: boolean;
};

/** Whether a statement's lines add up to the totals it states. */
export type TotalsCheck = {
    /** The totals row's line; `None` when the caller gave the totals. */
    lineNumber: number | null;
    /** Lines summed. */
    lines: number;
    /**
     * Lines whose money could not be read, left out of the sums (the
     * check cannot agree while there are any).
     */
    unread: number;
    /** Each total stated. */
    checks: Array<TotalCheck>;
    /** Every total agrees and every line was summed. */
    agrees: boolean;
};

/** The version and provenance of one covered year. */
export type YearVersion = {
    /** The year. */
    year: number;
    /** The data version of the file it came from. */
    dataVersion: string;
    /** Embedded or loaded. */
    origin: DataOrigin;
    /** The official notice's title. */
    notice: string | null;
    /** The official documents. */
    papers: Array<string>;
};
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

/** A merchant's own contract, for Plan.fromContract and compareContract. Rates are percentages as decimal strings ("0.60"). */
export interface ContractInput {
    id?: string | null;
    name?: string | null;
    /** Every channel's rate is required. */
    rates: {
        credit: string;
        debit: string;
        qr: string;
        smallContactless: string;
        contactless: string;
    };
    /** Cap on the debit card fee (absent: uncapped). */
    debitCap?: MoneyString | null;
    /** Fixed fee per payment, e.g. "3.00" for instant settlement. */
    fixedFee?: MoneyString | null;
    /** The channels the fixed fee applies to (absent: all). */
    fixedFeeChannels?: ContractChannel[] | null;
    /** Minimum fee per payment. */
    minimumFee?: MoneyString | null;
    rounding?: "half_up" | "half_even" | "down" | "up" | null;
}

/** A statement line (对账单), for Auditor.auditLine / auditLines. A CSV statement has the same columns in snake_case. */
export interface StatementLineInput {
    /** Transaction id (流水号). */
    id: string;
    time: TimeString;
    amount: MoneyString;
    method: Method;
    cardKind?: CardKind | null;
    cardMedium?: CardMedium | null;
    magstripeVerified?: boolean | null;
    wallet?: Wallet | null;
    largeMode?: boolean | null;
    /** The fee the provider charged. */
    feeCharged: MoneyString;
    /** The net amount settled, if settled. */
    netSettled?: MoneyString | null;
    /** The date it was settled, if settled. */
    settledDate?: DateString | null;
}

/** A readable stream of CSV bytes (a web ReadableStream, e.g. File.stream()). */
export interface CsvStream {
    getReader(): {
        read(): Promise<{ done: boolean; value?: Uint8Array | string }>;
        releaseLock(): void;
        cancel(reason?: any): Promise<void>;
    };
}

/** A Blob or File holding a CSV statement. */
export interface CsvBlob {
    readonly size: number;
    stream(): CsvStream;
}

/** A whole CSV statement for Auditor.auditCsv: text, bytes, a Blob or File, a web stream, or an (async) iterable of chunks such as a Node stream. */
export type CsvSource =
| string
| Uint8Array
| ArrayBuffer
| CsvBlob
| CsvStream
| AsyncIterable<Uint8Array | string>
| Iterable<Uint8Array | string>;

export interface AuditProgress {
    /** Lines judged so far. */
    lines: number;
    /** Bytes read so far. */
    bytes: number;
    /** The size of the statement, when known (text, bytes, a Blob, or the totalBytes option). */
    totalBytes: number | null;
    /** For an .xlsx workbook (read whole before its lines are judged): its sheet's rows fed so far; absent for CSV. */
    rows?: number;
    /** For an .xlsx workbook: the rows of its sheet; absent for CSV. */
    totalRows?: number;
}

export interface AuditCsvOptions {
    /** Each line as soon as it is judged, in order; when given, the result's lines are left empty. */
    onLine?: ((line: LineAudit) => void) | null;
    /** Called every progressEvery lines and once at the end. */
    onProgress?: ((progress: AuditProgress) => void) | null;
    /** Default 1000. */
    progressEvery?: number | null;
    /** The size of a stream, for AuditProgress.totalBytes. */
    totalBytes?: number | null;
}

export interface AuditCsvResult {
    /** Every line, in order (empty when onLine was given). */
    lines: LineAudit[];
    summary: AuditSummary;
}

/** How a statement file is read (Auditor.startStatement, auditStatement). */
export interface StatementFormatInput {
    /** A statement profile's JSON text (schemas/statement-profile.schema.json); the built-in "generic" one if absent. */
    profile?: string | null;
    /** "utf-8", "utf-16le", "utf-16be", "gb18030" (or "gbk", "gb2312"); detected if absent: a byte-order mark, then strict UTF-8, then GB18030. */
    encoding?: string | null;
    /** For text already decoded by the caller: the encoding it was decoded from. */
    decodedFrom?: string | null;
    /** The file's column to read a field from, e.g. { id: "参考号" }: settles an ambiguous header; "" leaves the field unread. */
    columns?: Record<string, string>;
    /** The statement's totals, checked against its lines (else its 合计 row, if any). */
    totals?: { amount?: MoneyString | null; feeCharged?: MoneyString | null; netSettled?: MoneyString | null } | null;
}

export interface AuditStatementOptions extends AuditCsvOptions {
    format?: StatementFormatInput | null;
    /** For an .xlsx workbook: the sheet to read (by name); the first if absent. */
    sheet?: string | null;
}

export interface AuditStatementResult extends AuditCsvResult {
    /** How the file was read: encoding, profile, header line, title rows, columns. */
    layout: StatementLayout | null;
    /** Whether the lines add up to the statement's totals; null when it states none. */
    totals: TotalsCheck | null;
}

export interface Auditor {
    /**
     * Audits a statement file as merchants have it (a GBK or UTF-8 CSV export
     * with Chinese columns and values, title rows, a 合计 row), streamed piece
     * by piece with progress: startStatement(options.format), then as auditCsv.
     * An .xlsx workbook (bytes or a Blob/File starting with the zip signature)
     * is read by posfee/xlsx, loaded only then, and its rows fed with feedRows.
     */
    auditStatement(source: CsvSource, options?: AuditStatementOptions | null): Promise<AuditStatementResult>;
    /**
     * Audits a whole CSV statement, streamed piece by piece (never all in the
     * engine's memory at once), reporting progress. Rejects with a PosfeeError
     * (invalid_csv) for a header that cannot be used; bad records are
     * unjudgeable lines with their line numbers.
     */
    auditCsv(source: CsvSource, options?: AuditCsvOptions | null): Promise<AuditCsvResult>;
}

/** A troubleshooting question for Engine.diagnose: the situation and whatever facts are known. */
export interface DiagnoseInput {
    situation: Situation;
    /** The payment in question (declined, not arrived). */
    payment?: PaymentInput | null;
    /** The merchant, to check the plan's own acceptance and limit rules. */
    merchant?: MerchantInput | null;
    /** The day's usage before the payment. */
    usage?: UsageInput | null;
    /** What the terminal or app showed. */
    terminalMessage?: string | null;
    /** When the question is asked (not arrived: is it due yet?). */
    asOf?: TimeString | null;
    /** When the QR code was generated. */
    qrCreated?: TimeString | null;
    /** Times of the day's other payments. */
    recentPayments?: TimeString[];
    /** Provisional arrival dates for years the calendar lacks. */
    provisional?: boolean;
}

export type DiagnoseSignal =
| "refused_by_plan"
| "not_due"
| "late_night"
| "large_amount"
| "many_payments"
| "qr_old"
| "terminal_message";



/**
 * Audits a statement, line by line or as a CSV file fed piece by piece.
 * It keeps its own copy of the engine's plan and calendar.
 */
export class Auditor {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Audits one statement line; its index is the number of lines audited
     * before it. A line that cannot be read or validated comes back
     * unjudgeable, with its error.
     */
    auditLine(line: StatementLineInput): LineAudit;
    /**
     * Audits many lines in one call, in order.
     */
    auditLines(lines: StatementLineInput[]): LineAudit[];
    /**
     * Feeds the next piece of a CSV statement (bytes or text; a record may
     * span pieces) and returns the lines it completed, each also handed to
     * `onLine`. A header that cannot be used throws `invalid_csv` (and the
     * reading starts over); a bad record is an unjudgeable line with its
     * line number.
     */
    feedCsv(chunk: Uint8Array | ArrayBuffer | string, onLine?: ((line: LineAudit) => void) | null): LineAudit[];
    /**
     * Feeds rows of text cells (a sheet read by `xlsxRows` of
     * `posfee/xlsx`), after `startStatement`: read by the statement's
     * format as a CSV file's records are; returns the lines judged, each
     * also handed to `onLine`. End with `finishCsv`.
     */
    feedRows(rows: string[][], onLine?: ((line: LineAudit) => void) | null): LineAudit[];
    /**
     * Ends the CSV statement: reads a last record without a newline and
     * returns it (handed to `onLine` too). A file without a header throws
     * `invalid_csv`. The statement is then ended: a later `feedCsv` or
     * `finishCsv` throws `invalid_state` (reason `finished`).
     */
    finishCsv(onLine?: ((line: LineAudit) => void) | null): LineAudit[];
    /**
     * An auditor of a merchant's statement under the engine's plan and
     * calendar, judged as of `asOf` (for `not_settled`).
     */
    constructor(engine: Engine, merchant: MerchantInput, asOf: string, options?: QuoteOptions | null);
    /**
     * Reads the next CSV statement (`feedCsv`, `finishCsv`) as merchants
     * have it: encoding detected or named (decoded by the platform's
     * `TextDecoder`), title rows skipped, columns and values mapped by the
     * format's profile (the built-in `generic` one by default), a 合计 row
     * checked. A format that cannot be used throws.
     */
    startStatement(format?: StatementFormatInput | null): void;
    /**
     * How the statement begun with `startStatement` is read (encoding,
     * profile, header, columns), once its header is found; else null.
     */
    statementLayout(): StatementLayout | null;
    /**
     * Whether the statement's lines add up to its totals (its 合计 row or
     * the format's); null when it states none.
     */
    statementTotals(): TotalsCheck | null;
    /**
     * The summary of the lines audited so far.
     */
    summary(): AuditSummary;
}

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
     * A calendar covering no year (to build one from loaded files).
     */
    static empty(): Calendar;
    /**
     * Adds the years of another calendar; a year already covered is
     * replaced only by a newer data version (else `calendar_year_covered`,
     * and nothing changes).
     */
    extend(other: Calendar): void;
    /**
     * Loads one year in the holiday-cn format (`{"year", "papers", "days":
     * [{"name", "date", "isOffDay"}]}`), with the data version it carries
     * (a newer version may replace a year already covered).
     */
    static fromHolidayCn(json: string | object, dataVersion?: string | null): Calendar;
    /**
     * Loads a calendar file (JSON text, or the parsed object): posfee's own
     * calendar format, or one year in the holiday-cn format (unversioned).
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
     * An auditor of a merchant's statement (`new Auditor(engine, …)`).
     */
    auditor(merchant: MerchantInput, asOf: string, options?: QuoteOptions | null): Auditor;
    /**
     * The versions of the plan and calendar data in use.
     */
    dataVersions(): DataVersions;
    /**
     * Why a payment was declined, why money has not arrived, why 花呗 is
     * unavailable, why UnionPay suspended the merchant: causes ranked by the
     * facts given, each with what to do.
     */
    diagnose(question: DiagnoseInput): Diagnosis;
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
     * The fees of many payments in one call, the amounts as one
     * text, one decimal string per line (a statement column as read
     * from a file); the fees and nets come back as texts the same
     * way. The fastest way to price many payments.
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
     * Loads a calendar file (JSON text or object, posfee's format or
     * holiday-cn) and adds its years; with `dataVersion`, the file is read
     * as holiday-cn data of that version.
     */
    loadCalendar(json: string | object, dataVersion?: string | null): void;
    /**
     * Loads a plan file (JSON text or object) and uses it.
     */
    loadPlan(json: string | object): void;
    /**
     * The embedded 优POS plan with the embedded calendar.
     */
    constructor();
    /**
     * The provider's facts on a day (`YYYY-MM-DD`): its licence as the
     * plan's source gives it, whether that date has passed, how to check it.
     */
    provider(on: string): ProviderFacts;
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
     * The plan of a merchant's own contract (rates per channel, optional
     * debit cap, fixed fee and minimum), with its limits and settlement
     * taken from `base` (default: the embedded 优POS plan). Errors name
     * `contract.…`.
     */
    static fromContract(contract: ContractInput, base?: Plan | null): Plan;
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
 * What a payment mix costs under plan A and under plan B, per channel of a
 * merchant's contract (credit, debit, QR, small contactless, contactless)
 * and in total.
 */
export function compareByChannel(planA: Plan, planB: Plan, merchant: MerchantInput, mix: MixLineInput[]): ChannelComparison;

/**
 * A merchant's own contract (plan a, built on `base`) against `other`
 * (plan b) over a payment mix, per channel and in total: which is cheaper
 * and by how much.
 */
export function compareContract(contract: ContractInput, base: Plan, other: Plan, merchant: MerchantInput, mix: MixLineInput[]): ChannelComparison;

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

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __memoryPages: () => number;
    readonly __setErrorClass: (a: any) => void;
    readonly __wbg_auditor_free: (a: number, b: number) => void;
    readonly __wbg_calendar_free: (a: number, b: number) => void;
    readonly __wbg_dayledger_free: (a: number, b: number) => void;
    readonly __wbg_engine_free: (a: number, b: number) => void;
    readonly __wbg_plan_free: (a: number, b: number) => void;
    readonly auditor_auditLine: (a: number, b: any) => [number, number, number];
    readonly auditor_auditLines: (a: number, b: any) => [number, number, number];
    readonly auditor_feedCsv: (a: number, b: any, c: number) => [number, number, number];
    readonly auditor_feedRows: (a: number, b: any, c: number) => [number, number, number];
    readonly auditor_finishCsv: (a: number, b: number) => [number, number, number];
    readonly auditor_new: (a: number, b: any, c: any, d: number) => [number, number, number];
    readonly auditor_startStatement: (a: number, b: number) => [number, number];
    readonly auditor_statementLayout: (a: number) => [number, number, number];
    readonly auditor_statementTotals: (a: number) => [number, number, number];
    readonly auditor_summary: (a: number) => [number, number, number];
    readonly calendar_day: (a: number, b: any) => [number, number, number];
    readonly calendar_embedded: () => [number, number, number];
    readonly calendar_empty: () => number;
    readonly calendar_extend: (a: number, b: number) => [number, number];
    readonly calendar_fromHolidayCn: (a: any, b: any) => [number, number, number];
    readonly calendar_fromJson: (a: any) => [number, number, number];
    readonly calendar_validUntil: (a: number) => [number, number];
    readonly calendar_versions: (a: number) => [number, number, number];
    readonly calendar_years: (a: number) => [number, number, number];
    readonly compare: (a: number, b: number, c: any, d: any) => [number, number, number];
    readonly compareByChannel: (a: number, b: number, c: any, d: any) => [number, number, number];
    readonly compareContract: (a: any, b: number, c: number, d: any, e: any) => [number, number, number];
    readonly dayledger_dates: (a: number) => [number, number];
    readonly dayledger_new: () => number;
    readonly dayledger_quoteAll: (a: number, b: number, c: any, d: any, e: number) => [number, number, number];
    readonly dayledger_quoteAndRecord: (a: number, b: number, c: any, d: any, e: number) => [number, number, number];
    readonly engine_accountingDate: (a: number, b: any) => [number, number, number, number];
    readonly engine_activation: (a: number, b: any) => [number, number, number];
    readonly engine_arrival: (a: number, b: any, c: number) => [number, number, number];
    readonly engine_auditor: (a: number, b: any, c: any, d: number) => [number, number, number];
    readonly engine_calendar: (a: number) => number;
    readonly engine_dataVersions: (a: number) => [number, number, number];
    readonly engine_diagnose: (a: number, b: any) => [number, number, number];
    readonly engine_eligibility: (a: number, b: any) => [number, number, number];
    readonly engine_extendCalendar: (a: number, b: number) => [number, number];
    readonly engine_fee: (a: number, b: any, c: any) => [number, number, number];
    readonly engine_feeBatch: (a: number, b: any, c: any) => [number, number, number];
    readonly engine_feeBatchText: (a: number, b: any, c: any) => [number, number, number];
    readonly engine_frozenWindow: (a: number, b: any, c: number) => [number, number, number];
    readonly engine_loadCalendar: (a: number, b: any, c: any) => [number, number];
    readonly engine_loadPlan: (a: number, b: any) => [number, number];
    readonly engine_new: () => [number, number, number];
    readonly engine_plan: (a: number) => number;
    readonly engine_provider: (a: number, b: any) => [number, number, number];
    readonly engine_quote: (a: number, b: any, c: any, d: number, e: number) => [number, number, number];
    readonly engine_setPlan: (a: number, b: number) => void;
    readonly engine_withData: (a: number, b: number) => number;
    readonly parseAmount: (a: any, b: any) => [number, number, number, number];
    readonly plan_dataVersion: (a: number) => [number, number];
    readonly plan_fromContract: (a: any, b: number) => [number, number, number];
    readonly plan_fromJson: (a: any) => [number, number, number];
    readonly plan_id: (a: number) => [number, number];
    readonly plan_reference: () => [number, number, number];
    readonly plan_toJson: (a: number) => [number, number];
    readonly plan_upos: () => [number, number, number];
    readonly version: () => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __externref_drop_slice: (a: number, b: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
