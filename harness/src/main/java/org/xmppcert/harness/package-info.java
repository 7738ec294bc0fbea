/**
 * xmppcert's harness: the command line ({@code cli}), the JUnit Platform engine ({@code engine})
 * and what runs a scenario against a server ({@code run}); later the mock server.
 */
package org.xmppcert.harness;
