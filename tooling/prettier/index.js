// One formatting for every package. The width is the codebase's own: domain code reads best with a
// rule or a query on one line, so lines run to 160 before prettier breaks them.
/** @type {import("prettier").Config} */
export default {
  printWidth: 160,
};
