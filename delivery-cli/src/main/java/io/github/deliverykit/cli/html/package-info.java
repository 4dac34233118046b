/**
 * The self-contained HTML report of {@code delivery demo --html} and {@code delivery report --html}:
 * the chart data of {@code io.github.deliverykit.policy.chart} drawn by JFreeChart into static SVG
 * (JFreeSVG), each chart beside its data table. Not exported: the command line's own rendering.
 */
@NullMarked
package io.github.deliverykit.cli.html;

import org.jspecify.annotations.NullMarked;
