// The one source of xlsxRows for every entry of posfee/xlsx (the build
// derives rows.cjs from it): the module's errors thrown as PosfeeError.
export function wrapXlsxRows(read, PosfeeError) {
  return function xlsxRows(file, sheet) {
    try {
      return read(file, sheet);
    } catch (e) {
      throw e !== null && typeof e === 'object' && typeof e.code === 'string' ? new PosfeeError(e) : e;
    }
  };
}
