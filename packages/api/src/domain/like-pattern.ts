import { Prisma } from "@bazaar/db";

/**
 * `text` as LIKE and ILIKE read it literally: `%`, `_` and the escape character (a backslash, the
 * default) escaped, so a search for "50%" or "t_shirt" finds those characters, not any.
 */
export const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * Two letters or digits hold no trigram of their own, so a trigram index cannot find the names
 * holding them anywhere: `ILIKE '%ab%'` read every product of a shop of 32,145 at 100,000 products
 * (about 200 ms; bench/README.md). A word starting with them holds two of their three padded
 * trigrams ("  a", " ab", "ab "), which is what `<%` asks of the index, as the header's
 * suggestions do; so a search box's two characters find the words they start. ASCII only: which
 * other letters make trigrams depends on the database's locale.
 */
const WORD_START = /^[A-Za-z0-9]{2}$/;

/**
 * Whether `column` (with a trigram index) holds the search text `q`, literally and in any case:
 * anywhere, or at the start of a word when `q` is two ASCII letters or digits (see WORD_START).
 */
export function holdsText(column: Prisma.Sql, q: string): Prisma.Sql {
  const anywhere = Prisma.sql`${column} ILIKE ${`%${likeLiteral(q)}%`}`;
  return WORD_START.test(q) ? Prisma.sql`(${q} <% ${column} AND ${anywhere})` : anywhere;
}
