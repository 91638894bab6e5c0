/**
 * `text` as LIKE and ILIKE read it literally: `%`, `_` and the escape character (a backslash, the
 * default) escaped, so a search for "50%" or "t_shirt" finds those characters, not any.
 */
export const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);
