package io.edgeconf.policy.wasm;

import java.util.List;

/**
 * A function signature.
 *
 * @param params parameter types in order
 * @param results result types (at most one in MVP modules; more with multi-value)
 */
public record FuncType(List<ValType> params, List<ValType> results) {
  public FuncType {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }

  /** Shorthand: {@code of(List.of(I32), I32)}; a null result means none. */
  public static FuncType of(List<ValType> params, ValType result) {
    return new FuncType(params, result == null ? List.of() : List.of(result));
  }
}
