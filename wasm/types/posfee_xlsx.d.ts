/* tslint:disable */
/* eslint-disable */

/**
 * The rows of an Excel (.xlsx) statement's sheet (the first, or the one
 * `sheet` names) as text cells, row 1 of the sheet first: numbers as
 * their shortest decimal text, dates as `2025-03-12T10:00:00`. Feed them
 * to `Auditor.feedRows` after `startStatement` (`auditStatement` does both
 * for an .xlsx file). Throws `PosfeeError`: `invalid_csv`/`unreadable`
 * for a file that is not a workbook, `input_too_large` beyond the bounds,
 * `invalid_field`/`unknown_value` at `sheet` for a sheet it does not have.
 */
export function xlsxRows(file: Uint8Array | ArrayBuffer, sheet?: string | null): string[][];

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly xlsxRows: (a: any, b: any) => [number, number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
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
