/**
 * Decisions written out for the tools that already show test and analysis results: JUnit XML (CI
 * test reports: GitLab, Jenkins, GitHub Actions test reporters) and SARIF 2.1.0 (code-scanning
 * views). Any {@link io.github.deliverykit.core.finding.Decided} decision (a change, release-readiness
 * or merge-policy decision) becomes one test case / one result per finding, with the finding's code,
 * level, message and facts.
 */
@NullMarked
package io.github.deliverykit.formats.findings;

import org.jspecify.annotations.NullMarked;
