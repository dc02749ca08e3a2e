// posfee/xlsx from Node as an ES module: the same instance as require().
import { createRequire } from 'node:module';

export const { xlsxRows } = createRequire(import.meta.url)('./node.cjs');
