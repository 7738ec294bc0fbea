/**
 * The requirement catalog and the compliance profiles, as data (YAML under
 * {@code catalog/} and {@code profiles/} on the class path): one entry per normative statement
 * that can be observed on the wire, and profiles that say which specifications are REQUIRED or
 * RECOMMENDED (XEP-0211 §2 for {@code basic-client-2008}). A new profile is a new data file.
 */
package org.xmppcert.scenarios.catalog;
