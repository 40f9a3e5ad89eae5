package org.srstudio.engine.weights;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.srstudio.core.StudioException;
import org.srstudio.engine.weights.PickleMachine.PyTuple;
import org.srstudio.engine.weights.PickleMachine.StorageRef;
import org.srstudio.engine.weights.PickleMachine.TensorRef;

/**
 * Reads PyTorch {@code .pth} state dicts without Python and without running their pickles: the zip format of
 * torch.save since 1.6 ({@code <name>/data.pkl} plus one {@code data/<key>} entry per storage) and the legacy
 * stream format (magic, protocol and system-info pickles, the data pickle, the storage keys, then each
 * storage's element count and bytes). Only the pickles are parsed when the file is opened; storage bytes are
 * read by {@link StateDict#load()}.
 */
public final class PthReader {
    private static final BigInteger LEGACY_MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long LEGACY_PROTOCOL = 1001;

    private PthReader() {
    }

    public static StateDict open(Path file) throws StudioException {
        String name = file.getFileName().toString();
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StudioException("Cannot read " + file + ": " + e.getMessage() + ".", e);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return openZip(file, name);
        }
        if (n >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2) {
            return openLegacy(file, name);
        }
        if (n >= 262 && new String(head, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar")) {
            throw new StudioException(name + " is a tar checkpoint from PyTorch before 0.4, which SR Studio cannot"
                    + " read; re-save it with a current PyTorch.");
        }
        throw new StudioException(name + " is not a PyTorch checkpoint (neither a torch.save zip nor a legacy pickle).");
    }

    private static StateDict openZip(Path file, String name) throws StudioException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry pkl = zip.stream().filter(e -> e.getName().endsWith("data.pkl"))
                    .min((a, b) -> Integer.compare(a.getName().length(), b.getName().length()))
                    .orElseThrow(() -> new StudioException(name + " is a zip file without a data.pkl, so it is not a"
                            + " PyTorch checkpoint."));
            String prefix = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
            ByteOrder order = ByteOrder.LITTLE_ENDIAN;
            ZipEntry byteorder = zip.getEntry(prefix + "byteorder");
            if (byteorder != null) {
                try (InputStream in = zip.getInputStream(byteorder)) {
                    if (new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().equals("big")) {
                        order = ByteOrder.BIG_ENDIAN;
                    }
                }
            }
            byte[] pickle;
            try (InputStream in = zip.getInputStream(pkl)) {
                pickle = in.readAllBytes();
            }
            Object root = PickleMachine.read(ByteBuffer.wrap(pickle), name);
            Map<String, StoredTensor> tensors = stored(root, name);
            ByteOrder fileOrder = order;
            return new StateDict(name, tensors, key -> {
                try (ZipFile z = new ZipFile(file.toFile())) {
                    ZipEntry entry = z.getEntry(prefix + "data/" + key);
                    if (entry == null) {
                        throw new IOException("its storage " + key + " is missing");
                    }
                    try (InputStream in = z.getInputStream(entry)) {
                        return ByteBuffer.wrap(in.readAllBytes()).order(fileOrder);
                    }
                }
            });
        } catch (ZipException e) {
            throw new StudioException(name + " is truncated or corrupt: " + e.getMessage() + ".", e);
        } catch (IOException e) {
            throw new StudioException("Cannot read " + name + ": " + e.getMessage() + ".", e);
        }
    }

    private static StateDict openLegacy(Path file, String name) throws StudioException {
        ByteBuffer buf;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new StudioException("Cannot read " + name + ": " + e.getMessage() + ".", e);
        }
        Object magic = PickleMachine.read(buf, name);
        if (!(magic instanceof BigInteger m && m.equals(LEGACY_MAGIC))) {
            throw new StudioException(name + " is a pickle but not a PyTorch checkpoint; SR Studio cannot read it.");
        }
        Object protocol = PickleMachine.read(buf, name);
        if (!Long.valueOf(LEGACY_PROTOCOL).equals(protocol)) {
            throw new StudioException(name + " uses PyTorch serialization protocol " + protocol
                    + ", which SR Studio cannot read.");
        }
        Object sysInfo = PickleMachine.read(buf, name);
        if (sysInfo instanceof Map<?, ?> info && Boolean.FALSE.equals(info.get("little_endian"))) {
            throw new StudioException(name + " was saved on a big-endian machine in PyTorch's legacy format,"
                    + " which SR Studio cannot read.");
        }
        Object root = PickleMachine.read(buf, name);
        Map<String, StoredTensor> tensors = stored(root, name);
        Map<String, DType> types = new HashMap<>();
        collectStorages(root, types);
        Object keys = PickleMachine.read(buf, name);
        if (!(keys instanceof List<?> keyList)) {
            throw new StudioException(name + " is truncated or corrupt: its storage list is missing.");
        }
        int dataStart = buf.position();
        ByteBuffer whole = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        Map<String, ByteBuffer> index = new HashMap<>();
        return new StateDict(name, tensors, key -> {
            if (index.isEmpty()) {
                indexLegacyStorages(whole, dataStart, keyList, types, index, name);
            }
            ByteBuffer b = index.get(key);
            if (b == null) {
                throw new IOException("its storage " + key + " is missing");
            }
            return b;
        });
    }

    /** Walks the storages after the pickles: each is an int64 element count followed by its bytes. */
    private static void indexLegacyStorages(ByteBuffer whole, int start, List<?> keys, Map<String, DType> types,
                                            Map<String, ByteBuffer> index, String name) throws IOException {
        long pos = start;
        for (Object k : keys) {
            String key = String.valueOf(k);
            DType type = types.get(key);
            if (type == null) {
                throw new IOException("its storage " + key + " has no known element type");
            }
            if (pos + 8 > whole.capacity()) {
                throw new IOException("the file is truncated before storage " + key);
            }
            long numel = whole.getLong((int) pos);
            long bytes = numel * type.bytes();
            if (numel < 0 || pos + 8 + bytes > whole.capacity()) {
                throw new IOException("the file is truncated inside storage " + key);
            }
            index.put(key, whole.slice((int) pos + 8, (int) bytes).order(ByteOrder.LITTLE_ENDIAN));
            pos += 8 + bytes;
        }
    }

    private static void collectStorages(Object o, Map<String, DType> types) {
        if (o instanceof TensorRef t) {
            types.put(t.storage().key(), t.storage().dtype());
        } else if (o instanceof Map<?, ?> m) {
            m.values().forEach(v -> collectStorages(v, types));
        } else if (o instanceof Collection<?> c) {
            c.forEach(v -> collectStorages(v, types));
        } else if (o instanceof PyTuple t) {
            t.items().forEach(v -> collectStorages(v, types));
        }
    }

    private static Map<String, StoredTensor> stored(Object root, String name) throws StudioException {
        Map<String, TensorRef> refs = CheckpointUnwrapper.unwrap(root, TensorRef.class);
        if (refs.isEmpty()) {
            throw new StudioException(name + " holds no tensors, so it is not a model's state dict.");
        }
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, TensorRef> e : refs.entrySet()) {
            TensorRef t = e.getValue();
            try {
                tensors.put(e.getKey(), new StoredTensor(t.storage().key(), t.storage().dtype(), t.size(), t.stride(),
                        t.storage().offset() + t.offset()));
            } catch (IllegalArgumentException ex) {
                bad.add(e.getKey());
            }
        }
        if (!bad.isEmpty()) {
            throw new StudioException(name + " is corrupt: tensor " + bad.get(0) + " has an impossible shape.");
        }
        return tensors;
    }
}
