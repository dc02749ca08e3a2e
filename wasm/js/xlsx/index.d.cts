export { xlsxRows } from './cjs/posfee_xlsx.js';
