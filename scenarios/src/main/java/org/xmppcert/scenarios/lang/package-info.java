/**
 * The scenario language {@code urn:xmppcert:scenario:1}: its parser ({@link org.xmppcert.scenarios.lang.ScenarioParser},
 * against {@code scenario/scenario.xsd}), the matcher of received stanzas
 * ({@link org.xmppcert.scenarios.lang.StanzaMatcher}, on XMLUnit), placeholders, the interpreter
 * ({@link org.xmppcert.scenarios.lang.FileScenario}) and the library of shipped scenarios
 * ({@link org.xmppcert.scenarios.lang.ScenarioLibrary}). The author's guide is
 * {@code scenarios/README-scenarios.md}.
 */
package org.xmppcert.scenarios.lang;
