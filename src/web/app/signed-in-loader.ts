/**
 * Everything behind sign-in — the shell, the menu, every feature's routes and home cards — is one
 * lazily loaded module, so the sign-in page downloads none of it. The sign-in page starts this
 * import when the user submits, so the shell arrives while the password is being checked.
 */
export const loadSignedInApp = () => import("./signed-in-app");
