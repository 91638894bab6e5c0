export { appUrl, appUrls, portOffset, type AppName } from "./urls";
export { demo, DEMO_PASSWORD, newIdentity, type Credentials } from "./users";
export { signIn, signOut, signUpBuyer } from "./auth";
export { confirmEmail, emailText, linkFromMailbox } from "./mailbox";
export { expectAccessible } from "./axe";
export { reportDelivered } from "./carrier";
export { test } from "./test";
