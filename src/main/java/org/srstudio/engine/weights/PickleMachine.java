package org.srstudio.engine.weights;

import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.srstudio.core.StudioException;

/**
 * A pickle reader for the subset of the protocol torch.save writes. It builds plain Java data (maps, lists,
 * {@link PyTuple}s, strings, numbers, {@link TensorRef}s) and never runs any code: globals outside
 * {@link PickleGlobal} end the read with a sentence naming them, and the allowed ones are interpreted here.
 * Python None is Java null.
 */
final class PickleMachine {
    /** A Python tuple; distinct from a list only so that error messages and torch.Size read naturally. */
    record PyTuple(List<Object> items) {
        PyTuple {
            items = java.util.Collections.unmodifiableList(new ArrayList<>(items));
        }
    }

    /** A storage named by a persistent id; {@code offset} is non-zero for a legacy view into a larger storage. */
    record StorageRef(String key, DType dtype, long offset) {
    }

    /** A tensor rebuilt from a storage: torch._utils._rebuild_tensor_v2's arguments. */
    record TensorRef(StorageRef storage, long offset, int[] size, long[] stride) {
    }

    private final ByteBuffer in;
    private final String file;
    private final List<Object> stack = new ArrayList<>();
    private final Deque<List<Object>> marks = new ArrayDeque<>();
    private final Map<Integer, Object> memo = new HashMap<>();

    private PickleMachine(ByteBuffer in, String file) {
        this.in = in;
        this.file = file;
    }

    /** Reads one pickle from the buffer's position, leaving the position just after its STOP. */
    static Object read(ByteBuffer in, String file) throws StudioException {
        ByteBuffer buf = in.order(ByteOrder.LITTLE_ENDIAN);
        try {
            return new PickleMachine(buf, file).run();
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new StudioException(file + " is truncated or corrupt: its pickle ends early.", e);
        } catch (ClassCastException | IllegalArgumentException | ArithmeticException | NullPointerException e) {
            throw new StudioException(file + " is not a state dict SR Studio can read: its pickle is malformed.", e);
        }
    }

    private Object run() throws StudioException {
        while (true) {
            int op = in.get() & 0xff;
            switch (op) {
                case 0x80 -> in.get(); // PROTO
                case 0x95 -> in.getLong(); // FRAME: a size hint only
                case '.' -> {
                    return pop();
                }
                case '(' -> {
                    marks.push(new ArrayList<>(stack));
                    stack.clear();
                }
                case '}' -> push(new LinkedHashMap<>());
                case ']' -> push(new ArrayList<>());
                case ')' -> push(new PyTuple(List.of()));
                case 'N' -> push(null);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'J' -> push((long) in.getInt());
                case 'K' -> push((long) (in.get() & 0xff));
                case 'M' -> push((long) (in.getShort() & 0xffff));
                case 0x8a -> push(longOf(bytes(in.get() & 0xff)));
                case 0x8b -> push(longOf(bytes(length(in.getInt()))));
                case 'G' -> push(Double.longBitsToDouble(Long.reverseBytes(in.getLong()))); // big-endian
                case 'X' -> push(utf8(length(in.getInt())));
                case 0x8c -> push(utf8(in.get() & 0xff));
                case 0x8d -> push(utf8(length(in.getLong())));
                case 'T' -> push(new String(bytes(length(in.getInt())), StandardCharsets.ISO_8859_1));
                case 'U' -> push(new String(bytes(in.get() & 0xff), StandardCharsets.ISO_8859_1));
                case 'B' -> push(bytes(length(in.getInt())));
                case 'C' -> push(bytes(in.get() & 0xff));
                case 0x8e -> push(bytes(length(in.getLong())));
                case 'c' -> push(global(line(), line()));
                case 0x93 -> {
                    String name = (String) pop();
                    String module = (String) pop();
                    push(global(module, name));
                }
                case 't' -> push(new PyTuple(popMark()));
                case 0x85 -> push(new PyTuple(Arrays.asList(pop())));
                case 0x86 -> {
                    Object b = pop();
                    Object a = pop();
                    push(new PyTuple(Arrays.asList(a, b)));
                }
                case 0x87 -> {
                    Object c = pop();
                    Object b = pop();
                    Object a = pop();
                    push(new PyTuple(Arrays.asList(a, b, c)));
                }
                case 'l' -> push(new ArrayList<>(popMark()));
                case 'd' -> {
                    List<Object> items = popMark();
                    Map<Object, Object> dict = new LinkedHashMap<>();
                    putAll(dict, items);
                    push(dict);
                }
                case 'a' -> {
                    Object v = pop();
                    list(top()).add(v);
                }
                case 'e' -> {
                    List<Object> items = popMark();
                    list(top()).addAll(items);
                }
                case 's' -> {
                    Object v = pop();
                    Object k = pop();
                    dict(top()).put(k, v);
                }
                case 'u' -> {
                    List<Object> items = popMark();
                    putAll(dict(top()), items);
                }
                case 'R' -> {
                    PyTuple args = (PyTuple) pop();
                    Object callable = pop();
                    push(call(callable, args));
                }
                case 0x81 -> { // NEWOBJ: cls.__new__(cls, *args)
                    PyTuple args = (PyTuple) pop();
                    Object cls = pop();
                    push(call(cls, args));
                }
                case 'b' -> pop(); // BUILD: object attributes (OrderedDict._metadata) are not needed
                case 'Q' -> push(persistent(pop()));
                case 0x94 -> memo.put(memo.size(), top());
                case 'q' -> memo.put(in.get() & 0xff, top());
                case 'r' -> memo.put(in.getInt(), top());
                case 'p' -> memo.put(Integer.parseInt(line()), top());
                case 'h' -> push(memoGet(in.get() & 0xff));
                case 'j' -> push(memoGet(in.getInt()));
                case 'g' -> push(memoGet(Integer.parseInt(line())));
                case '0' -> pop();
                case '1' -> popMark();
                case '2' -> push(top());
                default -> throw new StudioException(file + " uses pickle opcode 0x" + Integer.toHexString(op)
                        + ", which a PyTorch state dict never contains; SR Studio cannot read it.");
            }
        }
    }

    private Object global(String module, String name) throws StudioException {
        return PickleGlobal.find(module, name).orElseThrow(() -> new StudioException(file
                + " refers to the Python global '" + module + "." + name
                + "', which a state dict never needs; SR Studio refuses to load it."));
    }

    private Object call(Object callable, PyTuple args) throws StudioException {
        if (!(callable instanceof PickleGlobal g)) {
            throw new StudioException(file + " asks to call a " + describe(callable)
                    + ", which a state dict never does; SR Studio refuses to load it.");
        }
        List<Object> a = args.items();
        return switch (g) {
            case ORDERED_DICT -> new LinkedHashMap<>();
            case REBUILD_TENSOR, REBUILD_TENSOR_V2 -> new TensorRef((StorageRef) a.get(0), (Long) a.get(1),
                    ints(a.get(2)), longs(a.get(3)));
            case REBUILD_PARAMETER, REBUILD_PARAMETER_WITH_STATE -> (TensorRef) a.get(0);
            case REBUILD_FROM_TYPE_V2 -> call(a.get(0), (PyTuple) a.get(2));
            case SIZE -> a.isEmpty() ? new PyTuple(List.of()) : a.get(0);
            case CODECS_ENCODE -> ((String) a.get(0)).getBytes(StandardCharsets.ISO_8859_1);
            default -> throw new StudioException(file + " asks to call " + g.qualifiedName()
                    + ", which a state dict never does; SR Studio refuses to load it.");
        };
    }

    /** torch.save's persistent id: ('storage', storage class, key, location, numel[, legacy view]). */
    private Object persistent(Object pid) throws StudioException {
        if (!(pid instanceof PyTuple t) || t.items().size() < 5 || !"storage".equals(t.items().get(0))
                || !(t.items().get(1) instanceof PickleGlobal type) || type.storageType().isEmpty()) {
            throw new StudioException(file + " refers to an external object " + describe(pid)
                    + " that is not a tensor storage; SR Studio cannot read it.");
        }
        String key = String.valueOf(t.items().get(2));
        long offset = 0;
        if (t.items().size() > 5 && t.items().get(5) instanceof PyTuple view) {
            offset = (Long) view.items().get(1);
        }
        return new StorageRef(key, type.storageType().get(), offset);
    }

    private static String describe(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof PickleGlobal g) {
            return "global '" + g.qualifiedName() + "'";
        }
        return o.getClass().getSimpleName().replace("PyTuple", "tuple").replace("LinkedHashMap", "dict");
    }

    private static int[] ints(Object sizes) {
        return ((PyTuple) sizes).items().stream().mapToInt(o -> Math.toIntExact((Long) o)).toArray();
    }

    private static long[] longs(Object strides) {
        return ((PyTuple) strides).items().stream().mapToLong(o -> (Long) o).toArray();
    }

    private static void putAll(Map<Object, Object> dict, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw new IllegalArgumentException("odd number of dict items");
        }
        for (int i = 0; i < items.size(); i += 2) {
            dict.put(items.get(i), items.get(i + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object o) {
        return (Map<Object, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static Object longOf(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        if (be.length == 0) {
            return 0L;
        }
        BigInteger v = new BigInteger(be);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private Object memoGet(int index) {
        if (!memo.containsKey(index)) {
            throw new IllegalArgumentException("memo slot " + index + " is empty");
        }
        return memo.get(index);
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop() {
        if (stack.isEmpty()) {
            throw new IllegalArgumentException("stack underflow");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object top() {
        if (stack.isEmpty()) {
            throw new IllegalArgumentException("stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw new IllegalArgumentException("no mark to pop to");
        }
        List<Object> items = new ArrayList<>(stack);
        stack.clear();
        stack.addAll(marks.pop());
        return items;
    }

    private int length(long n) {
        if (n < 0 || n > in.remaining()) {
            throw new BufferUnderflowException();
        }
        return (int) n;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[length(n)];
        in.get(b);
        return b;
    }

    private String utf8(int n) {
        return new String(bytes(n), StandardCharsets.UTF_8);
    }

    private String line() {
        StringBuilder sb = new StringBuilder();
        while (true) {
            byte b = in.get();
            if (b == '\n') {
                return sb.toString();
            }
            sb.append((char) (b & 0xff));
        }
    }
}
