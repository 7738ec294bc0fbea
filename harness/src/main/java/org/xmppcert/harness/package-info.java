/** xmppcert's harness: the command line, and later the test engine and the mock server. */
package org.xmppcert.harness;
