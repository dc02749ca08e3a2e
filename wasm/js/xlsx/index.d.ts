export { xlsxRows } from './posfee_xlsx.js';
