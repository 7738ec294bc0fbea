/**
 * XEP-0077 In-Band Registration: creating an account on a server before authenticating, and
 * removing the authenticated account, which is how the harness makes and cleans up test accounts.
 */
package org.xmppcert.xmpp.register;
