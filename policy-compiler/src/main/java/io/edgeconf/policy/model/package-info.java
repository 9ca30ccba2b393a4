/**
 * The typed model of a checked policy: what the front end produces and what the evaluator, the
 * proof and the code generator consume. Every record validates itself at construction.
 *
 * <h2>Values</h2>
 *
 * <ul>
 *   <li>{@code INT}: 64-bit signed, exact. Durations are integers in milliseconds. Overflow of
 *       {@code + - * unary-}, a zero divisor of {@code / %} and {@code Long.MIN_VALUE / -1} are
 *       arithmetic errors: rendering fails with error -4. {@code /} truncates toward zero, {@code
 *       %} takes the dividend's sign. {@code min}, {@code max}, {@code clamp(x, lo, hi) =
 *       min(max(x, lo), hi)} never fail by themselves.
 *   <li>{@code BOOL}: encoded 0/1. {@code and}/{@code or} short-circuit left to right, so {@code x
 *       != 0 and 100 / x > 2} never divides by zero.
 *   <li>{@code STRING}: UTF-8, compared byte for byte with {@code ==}/{@code !=} only. Sources:
 *       literals, {@code id}, {@code zone} ({@code ""} when unset), {@code attr("k")} ({@code ""}
 *       when unset) and text fields.
 *   <li>{@code ENUM}: the member's index (0-based, declaration order), one byte in the image.
 *       Compared with {@code ==}/{@code !=} against members of the same enum.
 *   <li>{@code BOARD}: a catalogue board; {@code board ==/!= BOARD_NAME} only.
 *   <li>{@code FW}: {@code fw} compared with a {@code "MAJOR.MINOR.PATCH"} literal by version
 *       order, every comparison operator; a device without a version counts as {@code 0.0.0}.
 *   <li>{@code tag("t")} is true when the device carries tag {@code t}; {@code num("k", D)} is the
 *       integer attribute {@code k}, or {@code D} when unset.
 * </ul>
 *
 * <h2>Rendering a device</h2>
 *
 * <ol>
 *   <li>Every field starts at its {@link io.edgeconf.policy.model.FieldDecl#defaultValue()}.
 *   <li>Rules run in source order. A rule's condition is evaluated against the current field
 *       values; when it holds, its assignments run in order, each value evaluated with the field
 *       values as they are at that point (so a field read sees its value after the rules and
 *       assignments before it); later assignments win.
 *   <li>Then fields are checked in layout order: the first one outside its range gives error -2
 *       with its index. A text field whose value is longer than its {@code text(N)} in UTF-8 bytes
 *       is out of range (-2).
 *   <li>Then requires in source order: the first that is false gives error -3 with its index.
 *   <li>An arithmetic error anywhere (rule condition, assignment, require) stops rendering at once
 *       with error -4 (no index).
 *   <li>Otherwise the image is the fields encoded as {@code PayloadCodec} encodes them, wrapped by
 *       {@code ImageCodec}.
 * </ol>
 */
package io.edgeconf.policy.model;
