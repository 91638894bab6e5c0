import { z } from "zod";

// PostgreSQL's timestamps end at year 294276 and JavaScript's at 275760; a date from a form has
// no business near either, so inputs stay within years 1900..9999 and never reach the database
// as an out-of-range value (22008).
const EARLIEST = new Date("1900-01-01T00:00:00Z");
const LATEST = new Date("9999-12-31T23:59:59Z");

/** A date from a form or a URL (coerced from a string), bounded. */
export const ZInputDate = z.coerce.date({ message: "Enter a valid date." }).min(EARLIEST, "Dates start in 1900.").max(LATEST, "Dates end in 9999.");
