/**
 * The requirement catalog, the profiles (XEP-0211 Basic Client 2008 first) and the
 * scenarios that judge them. Filled by the harness issue; the module exists now so the
 * layout of {@code DESIGN.md} is final from the first commit.
 */
package org.xmppcert.scenarios;
