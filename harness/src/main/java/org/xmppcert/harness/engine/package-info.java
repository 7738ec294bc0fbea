/**
 * The {@code xmppcert} JUnit Platform engine: the scenarios of a profile as tests (profile →
 * specification → scenario), configured by the parameters of {@link
 * org.xmppcert.harness.engine.Constants}, executed on worker threads of its own, each scenario's
 * result published as a report entry ({@link org.xmppcert.harness.engine.OutcomeChannel}) and
 * gathered on the launcher side by {@link org.xmppcert.harness.engine.OutcomeCollector}.
 *
 * <p>Public API: {@code Constants}, {@code OutcomeChannel}, {@code OutcomeCollector},
 * {@code RunControl} and the engine itself (through the Platform). The descriptors are public
 * for listeners that want to recognise them; the rest is internal.
 */
package org.xmppcert.harness.engine;
