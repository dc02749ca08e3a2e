
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
