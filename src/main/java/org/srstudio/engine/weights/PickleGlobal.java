package org.srstudio.engine.weights;

import java.util.Optional;

/**
 * The only Python globals a state-dict pickle may name. The pickle machine never imports or calls anything: each
 * of these is interpreted by Java code that builds plain data, and any other global stops the read.
 */
enum PickleGlobal {
    ORDERED_DICT("collections", "OrderedDict"),
    REBUILD_TENSOR("torch._utils", "_rebuild_tensor"),
    REBUILD_TENSOR_V2("torch._utils", "_rebuild_tensor_v2"),
    REBUILD_PARAMETER("torch._utils", "_rebuild_parameter"),
    REBUILD_PARAMETER_WITH_STATE("torch._utils", "_rebuild_parameter_with_state"),
    REBUILD_FROM_TYPE_V2("torch._tensor", "_rebuild_from_type_v2"),
    TENSOR_TYPE("torch", "Tensor"),
    PARAMETER_TYPE("torch.nn.parameter", "Parameter"),
    SIZE("torch", "Size"),
    CODECS_ENCODE("_codecs", "encode"),
    FLOAT_STORAGE("torch", "FloatStorage", DType.F32),
    HALF_STORAGE("torch", "HalfStorage", DType.F16),
    BFLOAT16_STORAGE("torch", "BFloat16Storage", DType.BF16),
    DOUBLE_STORAGE("torch", "DoubleStorage", DType.F64),
    LONG_STORAGE("torch", "LongStorage", DType.I64),
    INT_STORAGE("torch", "IntStorage", DType.I32),
    SHORT_STORAGE("torch", "ShortStorage", DType.I16),
    CHAR_STORAGE("torch", "CharStorage", DType.I8),
    BYTE_STORAGE("torch", "ByteStorage", DType.U8),
    BOOL_STORAGE("torch", "BoolStorage", DType.BOOL);

    private final String module;
    private final String name;
    private final DType storageType;

    PickleGlobal(String module, String name) {
        this(module, name, null);
    }

    PickleGlobal(String module, String name, DType storageType) {
        this.module = module;
        this.name = name;
        this.storageType = storageType;
    }

    static Optional<PickleGlobal> find(String module, String name) {
        for (PickleGlobal g : values()) {
            if (g.module.equals(module) && g.name.equals(name)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** The element type when this global is a storage class. */
    Optional<DType> storageType() {
        return Optional.ofNullable(storageType);
    }

    String qualifiedName() {
        return module + "." + name;
    }
}
