/**
 * The wire transcript: every element a session sends and receives, time-stamped, with SASL
 * payloads and passwords redacted before anyone sees them. It is the evidence behind every
 * verdict, so it is bounded (a hostile peer cannot make it grow without limit) and safe to
 * publish.
 */
package org.xmppcert.xmpp.transcript;
