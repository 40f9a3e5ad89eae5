package org.srstudio.engine.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.srstudio.core.StudioException;

/**
 * Reads {@code .safetensors}: an 8-byte little-endian header length, a JSON header naming each tensor's dtype,
 * shape and byte range, then the raw little-endian data. Every range is checked against the file before use.
 */
public final class SafetensorsReader {
    /** Real headers are a few hundred kilobytes at most; a larger length means a corrupt or hostile file. */
    private static final long MAX_HEADER = 100L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsReader() {
    }

    public static StateDict open(Path file) throws StudioException {
        String name = file.getFileName().toString();
        ByteBuffer all;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            all = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new StudioException("Cannot read " + file + ": " + e.getMessage() + ".", e);
        }
        if (all.capacity() < 8) {
            throw new StudioException(name + " is truncated: it is too short to hold a safetensors header.");
        }
        long headerLength = all.getLong(0);
        if (headerLength < 2 || headerLength > MAX_HEADER || 8 + headerLength > all.capacity()) {
            throw new StudioException(name + " is truncated or not a safetensors file: its header claims "
                    + headerLength + " bytes but the file holds " + (all.capacity() - 8) + ".");
        }
        byte[] header = new byte[(int) headerLength];
        all.get(8, header);
        JsonNode root;
        try {
            root = JSON.readTree(header);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StudioException(name + " has an invalid safetensors header: " + e.getOriginalMessage() + ".", e);
        } catch (IOException e) {
            throw new StudioException("Cannot read " + name + ": " + e.getMessage() + ".", e);
        }
        if (root == null || !root.isObject()) {
            throw new StudioException(name + " has an invalid safetensors header: it is not a JSON object.");
        }
        int dataStart = 8 + (int) headerLength;
        ByteBuffer data = all.slice(dataStart, all.capacity() - dataStart).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        Map<String, long[]> ranges = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            tensors.put(e.getKey(), tensor(name, e.getKey(), e.getValue(), data.capacity(), ranges));
        }
        if (tensors.isEmpty()) {
            throw new StudioException(name + " holds no tensors, so it is not a model's weights.");
        }
        Map<String, StoredTensor> unwrapped = CheckpointUnwrapper.stripCommonPrefix(tensors);
        return new StateDict(name, unwrapped, key -> {
            long[] r = ranges.get(key);
            return data.slice((int) r[0], (int) (r[1] - r[0])).order(ByteOrder.LITTLE_ENDIAN);
        });
    }

    private static StoredTensor tensor(String file, String key, JsonNode spec, long dataBytes, Map<String, long[]> ranges)
            throws StudioException {
        JsonNode dtype = spec.get("dtype");
        JsonNode shape = spec.get("shape");
        JsonNode offsets = spec.get("data_offsets");
        if (dtype == null || !dtype.isTextual() || shape == null || !shape.isArray() || offsets == null
                || !offsets.isArray() || offsets.size() != 2) {
            throw new StudioException(file + " has an invalid safetensors header: tensor " + key
                    + " lacks its dtype, shape or data_offsets.");
        }
        DType type = switch (dtype.asText()) {
            case "F32" -> DType.F32;
            case "F16" -> DType.F16;
            case "BF16" -> DType.BF16;
            case "F64" -> DType.F64;
            case "I64" -> DType.I64;
            case "I32" -> DType.I32;
            case "I16" -> DType.I16;
            case "I8" -> DType.I8;
            case "U8" -> DType.U8;
            case "BOOL" -> DType.BOOL;
            default -> throw new StudioException(file + " stores tensor " + key + " as " + dtype.asText()
                    + ", a type SR Studio cannot read.");
        };
        int[] dims = new int[shape.size()];
        long numel = 1;
        for (int i = 0; i < dims.length; i++) {
            long d = shape.get(i).asLong(-1);
            if (!shape.get(i).canConvertToLong() || d < 0 || d > Integer.MAX_VALUE) {
                throw new StudioException(file + " has an invalid safetensors header: tensor " + key
                        + " has an impossible shape.");
            }
            dims[i] = (int) d;
            numel *= d;
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        if (begin < 0 || end < begin || end > dataBytes) {
            throw new StudioException(file + " is truncated or corrupt: tensor " + key + " lies at bytes " + begin
                    + "–" + end + " of a " + dataBytes + "-byte data section.");
        }
        if (end - begin != numel * type.bytes()) {
            throw new StudioException(file + " is corrupt: tensor " + key + " should take " + numel * type.bytes()
                    + " bytes but its range holds " + (end - begin) + ".");
        }
        ranges.put(key, new long[] {begin, end});
        return new StoredTensor(key, type, dims, StoredTensor.contiguousStrides(dims), 0);
    }
}
