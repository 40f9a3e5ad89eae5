package org.srstudio.engine;

import java.util.HashMap;
import java.util.Map;
import org.srstudio.engine.graph.Graph;
import org.srstudio.engine.graph.Op;

/**
 * A plain-Java, loop-by-loop interpreter of the graph ops, written from the op definitions (torch semantics), to
 * check the DJL runner's use of the engine ops (layouts, pixel-shuffle order, PReLU) on tiny inputs.
 */
final class NaiveGraphRunner {
    record Blob(int c, int h, int w, double[] d) {
        double at(int ch, int y, int x) {
            return d[(ch * h + y) * w + x];
        }
    }

    private NaiveGraphRunner() {
    }

    static float[] run(Graph g, int w, int h, float[] chw) {
        Map<String, Blob> blobs = new HashMap<>();
        double[] in = new double[chw.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = chw[i];
        }
        blobs.put(g.input(), new Blob(3, h, w, in));
        for (Op op : g.ops()) {
            blobs.put(op.outputs().get(0), apply(op, blobs));
        }
        Blob out = blobs.get(g.output());
        float[] f = new float[out.d.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) out.d[i];
        }
        return f;
    }

    private static Blob apply(Op op, Map<String, Blob> blobs) {
        if (op instanceof Op.Conv2d c) {
            Blob x = blobs.get(c.input());
            int oc = c.weight().dim(0);
            int ic = c.weight().dim(1);
            int kh = c.weight().dim(2);
            int kw = c.weight().dim(3);
            float[] wt = c.weight().data();
            int oh = (x.h + 2 * c.padH() - kh) / c.stride() + 1;
            int ow = (x.w + 2 * c.padW() - kw) / c.stride() + 1;
            double[] y = new double[oc * oh * ow];
            for (int o = 0; o < oc; o++) {
                for (int yy = 0; yy < oh; yy++) {
                    for (int xx = 0; xx < ow; xx++) {
                        double acc = c.bias() == null ? 0 : c.bias()[o];
                        for (int i = 0; i < ic; i++) {
                            for (int ky = 0; ky < kh; ky++) {
                                int sy = yy * c.stride() - c.padH() + ky;
                                if (sy < 0 || sy >= x.h) {
                                    continue;
                                }
                                for (int kx = 0; kx < kw; kx++) {
                                    int sx = xx * c.stride() - c.padW() + kx;
                                    if (sx >= 0 && sx < x.w) {
                                        acc += wt[((o * ic + i) * kh + ky) * kw + kx] * x.at(i, sy, sx);
                                    }
                                }
                            }
                        }
                        y[(o * oh + yy) * ow + xx] = acc;
                    }
                }
            }
            return activate(new Blob(oc, oh, ow, y), c.activation());
        }
        if (op instanceof Op.Activate a) {
            return activate(blobs.get(a.input()), a.activation());
        }
        if (op instanceof Op.Concat cat) {
            Blob first = blobs.get(cat.inputs().get(0));
            int total = cat.inputs().stream().mapToInt(b -> blobs.get(b).c).sum();
            double[] d = new double[total * first.h * first.w];
            int off = 0;
            for (String b : cat.inputs()) {
                Blob x = blobs.get(b);
                System.arraycopy(x.d, 0, d, off, x.d.length);
                off += x.d.length;
            }
            return new Blob(total, first.h, first.w, d);
        }
        if (op instanceof Op.Sum s) {
            Blob first = blobs.get(s.inputs().get(0));
            double[] d = new double[first.d.length];
            for (int k = 0; k < s.inputs().size(); k++) {
                Blob x = blobs.get(s.inputs().get(k));
                double c = s.coeffs() == null ? 1 : s.coeffs()[k];
                for (int i = 0; i < d.length; i++) {
                    d[i] += c * x.d[i];
                }
            }
            return new Blob(first.c, first.h, first.w, d);
        }
        if (op instanceof Op.Binary b) {
            Blob l = blobs.get(b.left());
            Blob r = b.right() == null ? null : blobs.get(b.right());
            double[] d = new double[l.d.length];
            for (int i = 0; i < d.length; i++) {
                double x = l.d[i];
                double y = r == null ? b.scalar() : r.d[i];
                d[i] = switch (b.kind()) {
                    case ADD -> x + y;
                    case SUB -> x - y;
                    case MUL -> x * y;
                    case DIV -> x / y;
                    case MAX -> Math.max(x, y);
                    case MIN -> Math.min(x, y);
                    case RSUB -> y - x;
                    case RDIV -> y / x;
                };
            }
            return new Blob(l.c, l.h, l.w, d);
        }
        if (op instanceof Op.Upsample u && u.mode() == Op.Upsample.Mode.NEAREST) {
            Blob x = blobs.get(u.input());
            int f = u.factor();
            double[] d = new double[x.d.length * f * f];
            for (int c = 0; c < x.c; c++) {
                for (int y = 0; y < x.h * f; y++) {
                    for (int xx = 0; xx < x.w * f; xx++) {
                        d[(c * x.h * f + y) * x.w * f + xx] = x.at(c, y / f, xx / f);
                    }
                }
            }
            return new Blob(x.c, x.h * f, x.w * f, d);
        }
        if (op instanceof Op.PixelShuffle ps) {
            Blob x = blobs.get(ps.input());
            int r = ps.factor();
            int oc = x.c / (r * r);
            double[] d = new double[x.d.length];
            for (int c = 0; c < oc; c++) {
                for (int y = 0; y < x.h * r; y++) {
                    for (int xx = 0; xx < x.w * r; xx++) {
                        int src = c * r * r + (y % r) * r + (xx % r);
                        d[(c * x.h * r + y) * x.w * r + xx] = x.at(src, y / r, xx / r);
                    }
                }
            }
            return new Blob(oc, x.h * r, x.w * r, d);
        }
        throw new UnsupportedOperationException(op.toString());
    }

    private static Blob activate(Blob x, Op.Activation a) {
        double[] d = x.d.clone();
        int plane = x.h * x.w;
        for (int i = 0; i < d.length; i++) {
            double v = d[i];
            if (a instanceof Op.Relu) {
                d[i] = Math.max(0, v);
            } else if (a instanceof Op.LeakyRelu lr) {
                d[i] = v < 0 ? v * lr.slope() : v;
            } else if (a instanceof Op.PRelu p) {
                float s = p.slopes().length == 1 ? p.slopes()[0] : p.slopes()[i / plane];
                d[i] = v < 0 ? v * s : v;
            }
        }
        return new Blob(x.c, x.h, x.w, d);
    }
}
