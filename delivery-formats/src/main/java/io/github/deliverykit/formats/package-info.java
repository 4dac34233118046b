/**
 * What every reader shares: {@link io.github.deliverykit.formats.FormatException}, the one error
 * of a malformed file (file, position, problem), and {@link io.github.deliverykit.formats.ReadReport},
 * the count and list of every item a reader rejected or skipped.
 */
@NullMarked
package io.github.deliverykit.formats;

import org.jspecify.annotations.NullMarked;
