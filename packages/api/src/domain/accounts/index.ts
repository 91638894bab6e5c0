export { registerBuyer } from "./register-buyer";
export { registerSeller } from "./register-seller";
export { verifyCredentials, type SignedInUser } from "./verify-credentials";
export { hashPassword, verifyPassword } from "./password";
export { getAccount } from "./get-account";
export { countUsers, type UserCounts } from "./count-users";
export * from "../../validators/accounts";
