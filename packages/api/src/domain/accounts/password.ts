import bcrypt from "bcryptjs";

// Cost 10 takes about 70 ms in bcryptjs on this class of machine: slow for an attacker, still
// quick for a sign-in. Tests and the seed may hash with a lower cost; compare() reads it from the hash.
const COST = 10;

export function hashPassword(password: string, cost = COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

// A real hash of a random string, compared when the email is unknown, so a wrong email takes
// as long as a wrong password and response times do not reveal which emails have accounts.
const DUMMY_HASH = "$2b$10$.54jhXNFHtAjHeajPGRYAeK/V0d3NP91YFz8U2twfH.RxPISRtoAO";

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return matches && hash !== null;
}
