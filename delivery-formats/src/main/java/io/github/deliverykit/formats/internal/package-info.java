/** Jackson set-up shared by the readers and the bound shapes of each format. Not exported. */
@NullMarked
package io.github.deliverykit.formats.internal;

import org.jspecify.annotations.NullMarked;
