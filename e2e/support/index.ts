export { appUrl, appUrls, portOffset, type AppName } from "./urls";
export { demo, DEMO_PASSWORD, newIdentity, type Credentials } from "./users";
export { signIn, signOut, signUpBuyer } from "./auth";
export { confirmEmail, linkFromMailbox } from "./mailbox";
