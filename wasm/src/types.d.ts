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
