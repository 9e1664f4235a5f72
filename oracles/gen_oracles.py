#!/usr/bin/python3
"""Writes the oracle files the kernel tests compare against (oracles/data/<kernel>.txt).

Run with Debian's interpreter, which has python3-torch (1.13) and numpy:
    /usr/bin/python3 oracles/gen_oracles.py [KERNEL ...]
O2ATH_ORACLE_OUT=DIR writes elsewhere (test/kernels/oracles.test.ts regenerates into a temporary directory
and compares with the committed files when torch is installed).
Each file holds one array per line, `name count v0 v1 ...`, values printed with 17 significant digits.
Inputs are drawn with fixed seeds and rounded to float32 so the fp32 and fp64 kernels read the same
values; references are computed in float64 with torch (or numpy where torch has no such operation).
CI uses the committed files and never needs torch.
"""
import math
import os
import sys

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
OUT = os.environ.get("O2ATH_ORACLE_OUT") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


class Oracle:
    def __init__(self, kernel):
        self.kernel = kernel
        self.lines = []

    def put(self, name, values):
        a = np.asarray(values, dtype=np.float64).ravel()
        body = " ".join(repr(float(v)) if not float(v).is_integer() or abs(v) > 2**53 else str(int(v)) for v in a)
        self.lines.append(f"{name} {a.size} {body}".rstrip())

    def write(self):
        path = os.path.join(OUT, f"{self.kernel}.txt")
        with open(path, "w") as f:
            f.write("\n".join(self.lines) + "\n")
        print(f"wrote {path} ({len(self.lines)} arrays)")


def f32(a):
    """Round to float32 values (kept as float64 arrays) so both dtypes see identical inputs."""
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def rng(seed):
    return np.random.default_rng(seed)


ACT = {"none": 0, "relu": 1, "leaky": 2, "gelu": 3, "sigmoid": 4}


def act_t(x, kind, slope=0.0):
    if kind == 0:
        return x
    if kind == 1:
        return torch.relu(x)
    if kind == 2:
        return torch.nn.functional.leaky_relu(x, slope)
    if kind == 3:
        return torch.nn.functional.gelu(x)  # erf form, the torch default
    return torch.sigmoid(x)


# ---------------------------------------------------------------- K1 GEMM
def gen_gemm():
    o = Oracle("gemm")
    cases = [
        dict(M=37, N=29, K=45),
        dict(M=70, N=45, K=100, transA=1, alpha=0.75, beta=0.5),
        dict(M=33, N=66, K=20, transB=1, bias=True, residual=True, epi="gelu"),
        dict(M=48, N=24, K=40, pro=True, rpg=10, pro_act="relu", kscale=True, kgroup=4, epi="sigmoid", bias=True),
        dict(M=20, N=18, K=70, batch=3, transA=1, transB=1, epi="leaky", slope=0.1, beta=-1.0),
    ]
    o.put("ncases", [len(cases)])
    for c, cs in enumerate(cases):
        r = rng(100 + c)
        M, N, K = cs["M"], cs["N"], cs["K"]
        batch = cs.get("batch", 1)
        tA, tB = cs.get("transA", 0), cs.get("transB", 0)
        A = f32(r.uniform(-1, 1, (batch, K, M) if tA else (batch, M, K)))
        B = f32(r.uniform(-1, 1, (batch, N, K) if tB else (batch, K, N)))
        C0 = f32(r.uniform(-1, 1, (batch, M, N)))
        alpha, beta = cs.get("alpha", 1.0), cs.get("beta", 0.0)
        p = f"c{c}."
        for k, v in dict(M=M, N=N, K=K, batch=batch, transA=tA, transB=tB, alpha=alpha, beta=beta,
                         lda=M if tA else K, ldb=K if tB else N, ldc=N,
                         strideA=M * K, strideB=K * N, strideC=M * N).items():
            o.put(p + k, [v])
        o.put(p + "A", A)
        o.put(p + "B", B)
        o.put(p + "C0", C0)
        tA_ = torch.tensor(A)
        opA = tA_.transpose(1, 2) if tA else tA_
        tB_ = torch.tensor(B)
        opB = tB_.transpose(1, 2) if tB else tB_
        if cs.get("pro"):
            rpg = cs["rpg"]
            G = (M + rpg - 1) // rpg
            pa, pb = f32(r.uniform(0.5, 1.5, (G, K))), f32(r.uniform(-0.5, 0.5, (G, K)))
            o.put(p + "pro_a", pa)
            o.put(p + "pro_b", pb)
            o.put(p + "rpg", [rpg])
            o.put(p + "pro_act", [ACT[cs["pro_act"]]])
            g = torch.arange(M) // rpg
            opA = act_t(torch.tensor(pa)[g] * opA + torch.tensor(pb)[g], ACT[cs["pro_act"]])
        if cs.get("kscale"):
            kg = cs["kgroup"]
            ng = (K + kg - 1) // kg
            ks = f32(r.uniform(0, 1, (M, ng)))
            o.put(p + "kscale", ks)
            o.put(p + "kgroup", [kg])
            o.put(p + "ldks", [ng])
            opA = opA * torch.tensor(ks)[:, torch.arange(K) // kg]
        out = alpha * torch.matmul(opA, opB) + beta * torch.tensor(C0)
        if cs.get("bias"):
            bias = f32(r.uniform(-1, 1, N))
            o.put(p + "bias", bias)
            out = out + torch.tensor(bias)
        if cs.get("residual"):
            res = f32(r.uniform(-1, 1, (batch, M, N)))
            o.put(p + "residual", res)
            o.put(p + "ldr", [N])
            out = out + torch.tensor(res)
        epi, slope = ACT[cs.get("epi", "none")], cs.get("slope", 0.0)
        out = act_t(out, epi, slope)
        o.put(p + "epi_act", [epi])
        o.put(p + "slope", [slope])
        o.put(p + "amax", [float(np.abs(opA.numpy()).max())])
        o.put(p + "bmax", [float(np.abs(B).max())])
        o.put(p + "out", out.numpy())
    o.write()


# ---------------------------------------------------------------- K9 Philox / AWGN
M32 = 0xFFFFFFFF


def philox4x32_10(ctr, key):
    c0, c1, c2, c3 = ctr
    k0, k1 = key
    for _ in range(10):
        p0, p1 = 0xD2511F53 * c0, 0xCD9E8D57 * c2
        c0, c1, c2, c3 = ((p1 >> 32) ^ c1 ^ k0) & M32, p1 & M32, ((p0 >> 32) ^ c3 ^ k1) & M32, p0 & M32
        k0, k1 = (k0 + 0x9E3779B9) & M32, (k1 + 0xBB67AE85) & M32
    return [c0, c1, c2, c3]


def gen_rng():
    o = Oracle("rng")
    assert philox4x32_10([0, 0, 0, 0], [0, 0]) == [0x6627E8D5, 0xE169C58D, 0xBC57AC4C, 0x9B00DBD8]
    seed, stream, offset, n = 0x0123456789ABCDEF, 7, 5, 1000
    key = [seed & M32, seed >> 32]
    u32, u01, n01 = [], [], []
    for i in range(offset, offset + n):
        blk = i >> 2
        w = philox4x32_10([blk & M32, blk >> 32, stream & M32, stream >> 32], key)
        u32.append(w[i & 3])
        u01.append((w[i & 3] >> 8) / 16777216.0)
        p = (i & 3) >> 1
        a, b = (w[2 * p] >> 8) / 16777216.0, (w[2 * p + 1] >> 8) / 16777216.0
        r, ang = math.sqrt(-2.0 * math.log(1.0 - a)), 2 * math.pi * b
        n01.append(r * (math.cos(ang) if (i & 1) == 0 else math.sin(ang)))
    o.put("seed_lo", [seed & M32])
    o.put("seed_hi", [seed >> 32])
    o.put("stream", [stream])
    o.put("offset", [offset])
    o.put("u32", u32)
    o.put("u01", u01)
    o.put("n01", n01)
    o.write()


# ---------------------------------------------------------------- K3 softmax / losses
def gen_softmax():
    F = torch.nn.functional
    o = Oracle("softmax")
    cases = []
    r = rng(3)
    for rows, cols in ((7, 37), (2, 2600)):  # 2600 > the 2048-column LDM tile: the online path
        z = f32(r.normal(0, 3, (rows, cols)))
        zt = torch.tensor(z)
        for mode in range(5):
            it = [0.5, 1.0, 1.0, 0.25, 1.0][mode]
            c = dict(mode=mode, rows=rows, cols=cols, inv_temp=it, topk=0, z=z)
            x = zt * it
            if mode == 0:
                c["out"] = F.softmax(x, 1).numpy()
            elif mode == 1:
                c["out"] = F.log_softmax(x, 1).numpy()
            elif mode == 2:
                tg = r.integers(0, cols, rows)
                c["target"] = tg
                c["out"] = F.softmax(x, 1).numpy()
                c["loss"] = F.cross_entropy(x, torch.tensor(tg), reduction="none").numpy()
            elif mode == 3:
                t = f32(r.normal(0, 3, (rows, cols)))
                c["teacher"] = t
                ls = F.log_softmax(x, 1)
                lt = F.log_softmax(torch.tensor(t) * it, 1)
                c["out"] = ls.exp().numpy()
                c["loss"] = F.kl_div(ls, lt, reduction="none", log_target=True).sum(1).numpy()
            else:
                y = f32(r.integers(0, 2, (rows, cols)))
                c["teacher"] = y
                c["out"] = torch.sigmoid(x).numpy()
                c["loss"] = F.binary_cross_entropy_with_logits(x, torch.tensor(y), reduction="none").sum(1).numpy()
            cases.append(c)
    z = f32(r.normal(0, 1, (5, 20)))
    p = F.softmax(torch.tensor(z), 1)
    top = torch.topk(p, 3, dim=1).indices
    keep = torch.zeros_like(p).scatter_(1, top, 1.0)
    cases.append(dict(mode=0, rows=5, cols=20, inv_temp=1.0, topk=3, z=z, out=(p * keep).numpy()))
    o.put("ncases", [len(cases)])
    for i, c in enumerate(cases):
        for k, v in c.items():
            o.put(f"c{i}.{k}", np.atleast_1d(v))
    o.write()


# ---------------------------------------------------------------- K8 Adam / AngularGrad
def angulargrad_step(st, p, g, variant, lr, b1=0.9, b2=0.999, eps=1e-8, wd=0.0):
    """torch re-implementation of the official AngularGrad step (ml-kernels.md §5), float32 tensors."""
    st["t"] += 1
    if wd != 0:
        g = g + wd * p
    st["m"].mul_(b1).add_(g, alpha=1 - b1)
    st["v"].mul_(b2).addcmul_(g, g, value=1 - b2)
    denom = st["v"].sqrt().add_(eps)
    bc1, bc2 = 1 - b1 ** st["t"], 1 - b2 ** st["t"]
    tan = ((st["gp"] - g) / (1 + st["gp"] * g)).abs()
    cos = 1 / torch.sqrt(1 + tan * tan)
    ang = torch.atan(tan) * (180 / 3.141592653589793238)
    n_gt = int((ang > st["min"]).sum())
    if 2 * n_gt < g.numel():
        st["min"] = ang
        st["fin"] = tan if variant == 1 else cos
    A = torch.tanh(st["fin"].abs()) * 0.5 + 0.5
    st["gp"] = g.clone()
    step = lr * math.sqrt(bc2) / bc1
    p.addcdiv_(st["m"] * A, denom, value=-step)
    return n_gt


def gen_optim():
    o = Oracle("optim")
    # wd = 0: with weight decay the "unchanged gradient" steps would not be exactly unchanged and the
    # branch would never fire; weight decay is covered by the Adam run below (same g + wd*p line).
    n, steps, lr, wd = 64, 6, 1e-2, 0.0
    r = rng(8)
    p0 = f32(r.normal(0, 1, n))
    grads = [f32(r.normal(0, 1, n)) for _ in range(steps)]
    grads[2][: n // 2 + 4] = grads[1][: n // 2 + 4]  # step 3: more than half the gradients unchanged -> fires
    grads[4][:] = grads[3]  # step 5: all unchanged -> fires (cos variant: A = 0.8808)
    o.put("p0", p0)
    o.put("steps", [steps])
    o.put("lr", [lr])
    o.put("wd", [wd])
    for s in range(steps):
        o.put(f"g{s}", grads[s])
    # Weight decay changes g, so the "unchanged gradient" steps fire only up to wd*p drift; use wd for Adam
    # and AngularGrad alike, as the reference code applies it before the angle.
    o.put("wd_adam", [1e-3])
    for dt, tdt in (("f32", torch.float32), ("f64", torch.float64)):
        for variant in (0, 1, 2):
            p = torch.tensor(p0, dtype=tdt)
            if variant == 0:
                p.requires_grad_(True)
                opt = torch.optim.Adam([p], lr=lr, weight_decay=1e-3)
                for s in range(steps):
                    p.grad = torch.tensor(grads[s], dtype=tdt)
                    opt.step()
                    o.put(f"{dt}.v0.p{s}", p.detach().numpy())
                continue
            z = lambda: torch.zeros(n, dtype=tdt)
            st = dict(t=0, m=z(), v=z(), gp=z(), min=z(), fin=z())
            for s in range(steps):
                ngt = angulargrad_step(st, p, torch.tensor(grads[s], dtype=tdt), variant, lr, wd=wd)
                o.put(f"{dt}.v{variant}.p{s}", p.numpy())
                o.put(f"{dt}.v{variant}.ngt{s}", [ngt])
    o.write()


# ---------------------------------------------------------------- K5 norms
def graphnorm_torch(x, seg_off, alpha, gamma, beta, eps, per_seg=False):
    """GraphNorm with scatter_add_ as lsj2408/GraphNorm norm.py does it (alpha = mean_scale)."""
    x = torch.tensor(x)
    n = len(seg_off) - 1
    counts = torch.tensor(np.diff(seg_off))
    batch = torch.repeat_interleave(torch.arange(n), counts)
    C = x.shape[1]
    mean = torch.zeros(n, C).scatter_add_(0, batch[:, None].expand(-1, C), x) / counts[:, None]
    sub = x - mean[batch] * torch.tensor(alpha)
    var = torch.zeros(n, C).scatter_add_(0, batch[:, None].expand(-1, C), sub * sub) / counts[:, None]
    std = torch.sqrt(var + eps)[batch]
    g, b = torch.tensor(gamma), torch.tensor(beta)
    if per_seg:
        g, b = g.reshape(n, C)[batch], b.reshape(n, C)[batch]
    return (g * sub / std + b).numpy()


def gen_norm():
    o = Oracle("norm")
    r = rng(5)
    cases = []
    # GraphNorm, irregular graphs (1, 5, 40, 130 nodes), random alpha/gamma/beta, eps 1e-6.
    seg = np.array([0, 1, 6, 46, 176])
    C = 16
    x = f32(r.normal(1, 2, (176, C)))
    al, ga, be = f32(r.uniform(0, 1, C)), f32(r.uniform(0.5, 1.5, C)), f32(r.normal(0, 1, C))
    cases.append(dict(axis=1, rows=176, C=C, nseg=4, seg_off=seg, gbs=0, eps=1e-6, act=0, x=x, alpha=al, gamma=ga, beta=be,
                      y=graphnorm_torch(x, seg, al, ga, be, 1e-6)))
    # BatchNorm1d (training statistics, affine) = one segment, alpha 1, eps 1e-5, then ReLU.
    bn = torch.nn.BatchNorm1d(C, eps=1e-5)
    with torch.no_grad():
        bn.weight.copy_(torch.tensor(ga)); bn.bias.copy_(torch.tensor(be))
    bn.train()
    cases.append(dict(axis=1, rows=176, C=C, nseg=1, seg_off=np.array([0, 176]), gbs=0, eps=1e-5, act=1, x=x, gamma=ga, beta=be,
                      y=torch.relu(bn(torch.tensor(x))).detach().numpy()))
    # LayerNorm (BERT eps 1e-12) over C = 48.
    xl = f32(r.normal(0, 3, (33, 48)))
    gl, bl = f32(r.uniform(0.5, 1.5, 48)), f32(r.normal(0, 1, 48))
    cases.append(dict(axis=0, rows=33, C=48, nseg=0, gbs=0, eps=1e-12, act=0, x=xl, gamma=gl, beta=bl,
                      y=torch.nn.functional.layer_norm(torch.tensor(xl), (48,), torch.tensor(gl), torch.tensor(bl), 1e-12).numpy()))
    # Conditional BN style: per-segment gamma/beta (ONet CBN), alpha 1.
    seg2 = np.array([0, 70, 176])
    g2, b2 = f32(r.uniform(0.5, 1.5, 2 * C)), f32(r.normal(0, 1, 2 * C))
    cases.append(dict(axis=1, rows=176, C=C, nseg=2, seg_off=seg2, gbs=C, eps=1e-5, act=0, x=x, gamma=g2, beta=b2,
                      y=graphnorm_torch(x, seg2, np.ones(C), g2, b2, 1e-5, per_seg=True)))
    # Hand cases (ml-kernels.md §7): one graph, nodes [1], [3], alpha 1, 0, 0.5.
    for a in (1.0, 0.0, 0.5):
        xh = np.array([[1.0], [3.0]])
        cases.append(dict(axis=1, rows=2, C=1, nseg=1, seg_off=np.array([0, 2]), gbs=0, eps=1e-6, act=0, x=xh, alpha=np.array([a]),
                          y=graphnorm_torch(xh, [0, 2], [a], [1.0], [0.0], 1e-6)))
    o.put("ncases", [len(cases)])
    for i, c in enumerate(cases):
        for k, v in c.items():
            o.put(f"c{i}.{k}", np.atleast_1d(v))
    o.write()


# ---------------------------------------------------------------- K6 CSR aggregation
def gen_csr():
    o = Oracle("csr")
    r = rng(6)
    n, C = 57, 12
    deg = r.integers(0, 9, n)
    deg[3] = 0
    rowptr = np.concatenate([[0], np.cumsum(deg)])
    col = r.integers(0, n, rowptr[-1])
    h = f32(r.normal(0, 1, (n, C)))
    w = f32(r.uniform(0.1, 2, rowptr[-1]))
    dst = torch.repeat_interleave(torch.arange(n), torch.tensor(deg))
    ht = torch.tensor(h)
    cases = []
    for op, self_coef, use_w in ((0, 1.0, False), (0, 1.3, True), (1, 0.0, True), (2, 0.5, True)):
        msg = ht[torch.tensor(col)] * (torch.tensor(w)[:, None] if use_w else 1.0)
        if op == 2:
            agg = torch.full((n, C), -math.inf).scatter_reduce(0, dst[:, None].expand(-1, C), msg, "amax", include_self=True)
            agg[torch.tensor(deg) == 0] = 0
        else:
            agg = torch.zeros(n, C).index_add_(0, dst, msg)
            if op == 1:
                agg = agg / torch.clamp(torch.tensor(deg), min=1)[:, None]
        out = self_coef * ht + agg
        c = dict(C=C, op=op, nrows=n, self_coef=self_coef, rowptr=rowptr, col=col, h=h, out=out.numpy())
        if use_w:
            c["w"] = w
        cases.append(c)
    # Readout: 3 graphs over the 57 nodes, sum.
    ro = np.array([0, 10, 30, 57])
    cases.append(dict(C=C, op=0, nrows=3, self_coef=0.0, rowptr=ro, col=np.arange(57), h=h,
                      out=np.stack([h[ro[g]:ro[g + 1]].sum(0) for g in range(3)])))
    o.put("ncases", [len(cases)])
    for i, c in enumerate(cases):
        for k, v in c.items():
            o.put(f"c{i}.{k}", np.atleast_1d(v))
    o.write()


# ---------------------------------------------------------------- K10 top-k
def gen_topk():
    o = Oracle("topk")
    r = rng(10)
    cases = []
    for n, k, by_abs, ties in ((1000, 100, 1, False), (9000, 1234, 0, True), (7, 3, 1, True), (9100, 1, 0, False)):
        x = f32(r.normal(0, 1, n))
        if ties:
            x[r.integers(0, n, max(3, n // 10))] = x[0]  # many equal values, the threshold among them
            x[1:3] = -x[0]
        key = np.abs(x) if by_abs else x
        thr = np.partition(key, n - k)[n - k]
        order = np.argsort(-key, kind="stable")  # descending, ties by lower index
        mask = np.zeros(n)
        mask[order[:k]] = 1
        cases.append(dict(k=k, by_abs=by_abs, x=x, thr=thr, ties=int((key == thr).sum()), mask=mask))
    o.put("ncases", [len(cases)])
    for i, c in enumerate(cases):
        for kk, v in c.items():
            o.put(f"c{i}.{kk}", np.atleast_1d(v))
    o.write()


# ---------------------------------------------------------------- K2 quantisation, int8 GEMM
def srdhm_exact(a, b):
    if a == b == -(2**31):
        return 2**31 - 1
    ab = a * b
    nudge = (1 << 30) if ab >= 0 else 1 - (1 << 30)
    v = ab + nudge
    q = abs(v) // (1 << 31)  # C division truncates toward zero
    return q if v >= 0 else -q


def rdpot(x, e):
    mask = (1 << e) - 1
    rem = x & mask
    thr = (mask >> 1) + (1 if x < 0 else 0)
    return (x >> e) + (1 if rem > thr else 0)


def gen_quant():
    o = Oracle("quant")
    r = rng(2)
    qs = []
    x = f32(r.normal(0.3, 2, 3000))
    for bits, sym in ((8, 0), (8, 1), (4, 0)):
        qmin, qmax = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
        xt = torch.tensor(x, dtype=torch.float32)
        if sym:
            scale = np.float32(np.float32(np.abs(x).max()) / np.float32(qmax))
            zp = 0
        else:
            obs = torch.quantization.MinMaxObserver(dtype=torch.qint8, qscheme=torch.per_tensor_affine, quant_min=qmin, quant_max=qmax)
            obs(xt)
            s_, z_ = obs.calculate_qparams()
            scale, zp = np.float32(s_.item()), int(z_.item())
        fake = torch.fake_quantize_per_tensor_affine(xt, float(scale), zp, qmin, qmax)
        q = torch.clamp(torch.round(xt * (1 / torch.tensor(scale, dtype=torch.float32))) + zp, qmin, qmax)
        if bits == 8:
            q8 = torch.quantize_per_tensor(xt, float(scale), zp, torch.qint8).int_repr()
            assert torch.equal(q8.to(torch.float32), q), "quantize_per_tensor disagrees with the formula"
        qs.append(dict(bits=bits, sym=sym, x=x, scale=scale, zp=zp, q=q.numpy(), fake=fake.numpy()))
    # Round half to even: 0.25/0.5 -> 0, 2.5/0.5 -> 5, -0.25 -> 0, 0.75/0.5 = 1.5 -> 2.
    xh = np.array([0.25, 2.5, -0.25, 0.75, 1.25])
    fh = torch.fake_quantize_per_tensor_affine(torch.tensor(xh, dtype=torch.float32), 0.5, 0, -128, 127)
    qs.append(dict(bits=8, sym=1, x=xh, given_scale=0.5, given_zp=0, scale=0.5, zp=0, q=np.array([0, 5, 0, 2, 2]), fake=fh.numpy()))
    o.put("nq", [len(qs)])
    for i, c in enumerate(qs):
        for k, v in c.items():
            o.put(f"q{i}.{k}", np.atleast_1d(v))
    M, N, K, za, zw, zy, Mreal = 37, 23, 100, 3, -2, 5, 0.0123
    A = r.integers(-128, 128, (M, K))
    W = r.integers(-128, 128, (N, K))
    bias = r.integers(-5000, 5000, N)
    m, e = math.frexp(Mreal)
    mult = round(m * (1 << 31))
    if mult == 1 << 31:
        mult //= 2
        e += 1
    shift = -e
    acc = (A - za) @ (W - zw).T + bias
    Y = np.array([[min(127, max(-128, rdpot(srdhm_exact(int(a), mult), shift) + zy)) for a in row] for row in acc])
    assert np.abs(Y - np.clip(np.round(acc * Mreal) + zy, -128, 127)).max() <= 1
    for k, v in dict(M=M, N=N, K=K, za=za, zw=zw, zy=zy, Mreal=Mreal, mult=mult, shift=shift, A=A, W=W, bias=bias, Y=Y).items():
        o.put(f"g.{k}", np.atleast_1d(v))
    o.write()


# ---------------------------------------------------------------- K4 attention
def attention_torch(Q, K, V, B, H, Lq, Lk, dh, mask, scale):
    q = torch.tensor(Q).reshape(B, Lq, H, dh).transpose(1, 2)
    k = torch.tensor(K).reshape(B, Lk, H, dh).transpose(1, 2)
    v = torch.tensor(V).reshape(B, Lk, H, dh).transpose(1, 2)
    sc = q @ k.transpose(-1, -2) * scale
    if mask is not None:
        sc = sc + torch.tensor(mask)
    p = torch.softmax(sc, -1)
    out = (p @ v).transpose(1, 2).reshape(B, Lq, H * dh)
    col = p.amax(dim=(1, 2))  # per key: max over heads and queries
    return out.numpy(), col.numpy()


def gen_attention():
    o = Oracle("attention")
    r = rng(4)
    cases = []
    B, H, Lq, Lk, dh = 2, 3, 37, 45, 16
    Q, K, V = (f32(r.normal(0, 1, (B, L, H * dh))) for L in (Lq, Lk, Lk))
    mask = f32(r.uniform(-4, 0, (Lq, Lk)))
    out, col = attention_torch(Q, K, V, B, H, Lq, Lk, dh, mask, 1 / math.sqrt(dh))
    cases.append(dict(B=B, H=H, Lq=Lq, Lk=Lk, dh=dh, Q=Q, K=K, V=V, mask=mask, scale=1 / math.sqrt(dh), O=out, col=col))
    # All keys equal: uniform weights, output = mean of the V rows.
    B, H, Lq, Lk, dh = 1, 2, 5, 70, 8
    Q = f32(r.normal(0, 1, (B, Lq, H * dh)))
    K = np.repeat(f32(r.normal(0, 1, (B, 1, H * dh))), Lk, axis=1)
    V = f32(r.normal(0, 1, (B, Lk, H * dh)))
    out, col = attention_torch(Q, K, V, B, H, Lq, Lk, dh, None, 0.5)
    hand = np.broadcast_to(V.mean(axis=1, keepdims=True), out.shape)
    cases.append(dict(B=B, H=H, Lq=Lq, Lk=Lk, dh=dh, Q=Q, K=K, V=V, scale=0.5, O=out, col=col, hand=hand))
    # One key 30 above the rest (through the mask): output ~ that V row.
    mask = np.zeros((Lq, Lk))
    mask[:, 17] = 30
    K = np.zeros((B, Lk, H * dh))
    out, col = attention_torch(Q, K, V, B, H, Lq, Lk, dh, mask, 0.5)
    hand = np.broadcast_to(V[:, 17:18, :], out.shape)
    cases.append(dict(B=B, H=H, Lq=Lq, Lk=Lk, dh=dh, Q=Q, K=K, V=V, mask=mask, scale=0.5, O=out, col=col, hand=hand))
    o.put("ncases", [len(cases)])
    for i, c in enumerate(cases):
        for k, v in c.items():
            o.put(f"c{i}.{k}", np.atleast_1d(v))
    o.write()


# ---------------------------------------------------------------- K7 MoV / MoLoRA
def softmax_np(z):
    z = z - z.max(-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(-1, keepdims=True)


def gen_moe():
    o = Oracle("moe")
    r = rng(7)
    movs = []
    for T, d, H, E, topk, ones in ((19, 40, 1, 30, 0, False), (11, 24, 2, 6, 0, False), (13, 32, 1, 10, 1, False), (9, 20, 1, 5, 0, True)):
        x = f32(r.normal(0, 1, (T, H, d)))
        Wr = f32(r.normal(0, 0.5, (d, E)))
        S = np.ones((H, E, d)) if ones else f32(r.normal(1, 0.3, (H, E, d)))
        p = softmax_np(np.einsum("thd,de->the", x, Wr))
        if topk:
            keep = np.zeros_like(p)
            np.put_along_axis(keep, np.argsort(-p, -1, kind="stable")[..., :topk], 1, -1)
            p = p * keep
        y = x * np.einsum("the,hed->thd", p, S)
        if ones:
            assert np.allclose(y, x)
        movs.append(dict(T=T, d=d, H=H, E=E, topk=topk, x=x, Wr=Wr, S=S, p=p, y=y))
    o.put("nmov", [len(movs)])
    for i, c in enumerate(movs):
        for k, v in c.items():
            o.put(f"mov{i}.{k}", np.atleast_1d(v))
    loras = []
    for T, din, dout, E, rr, zeroB in ((21, 48, 36, 10, 4, False), (8, 16, 12, 3, 2, True)):
        x = f32(r.normal(0, 1, (T, din)))
        Wr = f32(r.normal(0, 0.02 * 10, (din, E)))
        A = f32(r.normal(0, 0.2, (E, din, rr)))
        B = np.zeros((E, rr, dout)) if zeroB else f32(r.normal(0, 0.2, (E, rr, dout)))
        y0 = f32(r.normal(0, 1, (T, dout)))
        alpha = 16.0
        p = softmax_np(x @ Wr)
        y = y0 + (alpha / rr) * np.einsum("te,tei->ti", p, np.einsum("td,edr,erj->tej", x, A, B))
        Aall = A.transpose(1, 0, 2).reshape(din, E * rr)  # expert axis next to r
        Ball = B.reshape(E * rr, dout)
        fused = y0 + (alpha / rr) * ((np.repeat(p, rr, axis=1) * (x @ Aall)) @ Ball)
        assert np.abs(fused - y).max() < 1e-12
        loras.append(dict(T=T, din=din, dout=dout, E=E, r=rr, alpha=alpha, x=x, Wr=Wr, A=Aall, B=Ball, y0=y0, y=y))
    o.put("nlora", [len(loras)])
    for i, c in enumerate(loras):
        for k, v in c.items():
            o.put(f"lora{i}.{k}", np.atleast_1d(v))
    o.write()


# ---------------------------------------------------------------- K13 attribution
def gen_attrib():
    o = Oracle("attrib")
    r = rng(13)
    n, hidden, steps = 30, 16, 50
    W1, b1 = torch.tensor(r.normal(0, 0.5, (hidden, n))), torch.tensor(r.normal(0, 0.1, hidden))
    w2, b2 = torch.tensor(r.normal(0, 0.5, hidden)), 0.3
    F = lambda v: torch.tanh(v @ W1.T + b1) @ w2 + b2
    x, x0 = f32(r.normal(0, 1, n)), f32(r.normal(0, 0.2, n))
    nodes, weights = np.polynomial.legendre.leggauss(steps)
    alphas, w = 0.5 * (1 + nodes), 0.5 * weights  # captum's gausslegendre
    path = torch.tensor(x0)[None, :] + torch.tensor(alphas)[:, None] * (torch.tensor(x) - torch.tensor(x0))[None, :]
    path.requires_grad_(True)
    grads = torch.autograd.grad(F(path).sum(), path)[0]
    ig = (torch.tensor(x) - torch.tensor(x0)) * (torch.tensor(w)[:, None] * grads).sum(0)
    for k, v in dict(x=x, x0=x0, steps=steps, alphas=alphas, weights=w, path=path.detach().numpy(), grads=grads.numpy(),
                     ig=ig.numpy(), f_x=float(F(torch.tensor(x))), f_x0=float(F(torch.tensor(x0)))).items():
        o.put(k, np.atleast_1d(v))
    C, HW = 5, 49
    A, dA = f32(r.normal(0, 1, (C, HW))), f32(r.normal(0, 1, (C, HW)))
    wts = torch.tensor(dA).mean(1)
    camv = torch.relu((wts[:, None] * torch.tensor(A)).sum(0))
    o.put("cam.C", [C])
    o.put("cam.HW", [HW])
    o.put("cam.A", A)
    o.put("cam.dA", dA)
    o.put("cam.out", camv.numpy())
    o.put("sal.out", torch.tensor(dA).abs().amax(0).numpy())
    o.write()


# ---------------------------------------------------------------- K14 iso-surface
def gen_mcubes():
    o = Oracle("mcubes")
    # The test samples the analytic sphere logit f(p) = 10 (0.3 - |p|) (ml-kernels.md §10) itself on an
    # n^3 grid over the ONet box; the oracle is the closed-form area and volume.
    n, box = 48, 1.1  # ONet: box_size = 1 + padding 0.1
    o.put("n", [n])
    o.put("box", [box])
    tau = math.log(0.2) - math.log(0.8)
    isos = [0.0, tau]
    o.put("niso", [len(isos)])
    for i, iso in enumerate(isos):
        r = 0.3 - iso / 10
        o.put(f"iso{i}", [iso])
        o.put(f"area{i}", [4 * math.pi * r * r])
        o.put(f"volume{i}", [4 / 3 * math.pi * r ** 3])
    o.write()


# ---------------------------------------------------------------- K11 STFT power
def gen_stft():
    o = Oracle("stft")
    r = rng(11)
    cases = []
    for nsamp, nfft, hop, center in ((3000, 512, 128, 1), (2100, 256, 100, 0)):
        t = np.arange(nsamp)
        x = f32(0.5 * np.sin(2 * np.pi * 440 * t / 16000) + 0.1 * r.normal(0, 1, nsamp))
        win = torch.tensor(f32(torch.hann_window(nfft, periodic=True, dtype=torch.float64).numpy()))  # as the kernels read it
        X = torch.stft(torch.tensor(x), n_fft=nfft, hop_length=hop, window=win, center=bool(center), pad_mode="reflect",
                       return_complex=True)
        cases.append(dict(x=x, window=f32(win.numpy()), nfft=nfft, hop=hop, center=center, power=(X.abs() ** 2).T.numpy()))
    o.put("ncases", [len(cases)])
    for i, c in enumerate(cases):
        for k, v in c.items():
            o.put(f"c{i}.{k}", np.atleast_1d(v))
    o.write()


# ---------------------------------------------------------------- K12 spectrogram augmentation
AUG = dict(none=0, tmask=1, fmask=2, roll=3, gain=4, noise=5, stretch=6, fshift=7, db=8)


def aug_np(X, op):
    """numpy reference of one op with explicit parameters (op = [kind, mag, t0, w, fill, rate, shift])."""
    kind, mag, t0, w, fill, rate, shift = op
    Y = X.copy()
    F, T = X.shape
    if kind == 1:
        Y[:, t0:t0 + w] = fill
    elif kind == 2:
        Y[t0:t0 + w, :] = fill
    elif kind == 3:
        Y = np.roll(X, shift, axis=1)
    elif kind == 4:
        Y = X + np.float32(mag)
    elif kind == 6:
        p = np.arange(T) * np.float64(np.float32(rate))
        i = np.floor(p).astype(int)
        fr = p - i
        Y = np.where(i >= T - 1, X[:, [T - 1]], (1 - fr) * X[:, np.minimum(i, T - 1)] + fr * X[:, np.minimum(i + 1, T - 1)])
    elif kind == 7:
        Y = np.full_like(X, fill)
        if shift >= 0:
            Y[shift:, :] = X[:F - shift, :]
        else:
            Y[:F + shift, :] = X[-shift:, :]
    elif kind == 8:
        Y = 10 * np.log10(np.maximum(X, 1e-10))
    return Y


def gen_specaug():
    o = Oracle("specaug")
    r = rng(12)
    F, T = 20, 57
    cases = []
    single = [
        [[1, 0, 10, 7, 0.0, 1, 0], [1, 0, 50, 7, -1.5, 1, 0]],  # time masks (second runs past the end? no: 50+7=57)
        [[2, 0, 3, 5, 0.0, 1, 0], [2, 0, 0, 0, 0.0, 1, 0]],  # freq mask; width 0 = identity
        [[3, 0, 0, 0, 0, 1, 13], [3, 0, 0, 0, 0, 1, 57]],  # roll; roll by T = identity
        [[4, -6.5, 0, 0, 0, 1, 0], [4, 3.25, 0, 0, 0, 1, 0]],  # gain in dB
        [[6, 0, 0, 0, 0, 0.8, 0], [6, 0, 0, 0, 0, 1.0, 0]],  # stretch; rate 1 = identity
        [[7, 0, 0, 0, -2.0, 1, 4], [7, 0, 0, 0, 0.0, 1, -3]],  # frequency shift with fill
        [[8, 0, 0, 0, 0, 1, 0], [8, 0, 0, 0, 0, 1, 0]],  # power -> dB
    ]
    for ops in single:
        X = f32(r.uniform(0, 2, (2, F, T)))
        X[1, 0, :5] = 0  # dB clamp at 1e-10
        Y = np.stack([aug_np(X[b], ops[b]) for b in range(2)])
        cases.append(dict(F=F, T=T, batch=2, nops=1, X=X, Y=Y, ops=ops))
    chain = [[3, 0, 0, 0, 0, 1, 5], [6, 0, 0, 0, 0, 1.25, 0], [1, 0, 4, 9, 0.5, 1, 0]]
    X = f32(r.uniform(0, 2, (1, F, T)))
    Y = X[0]
    for op in chain:
        Y = aug_np(Y, op)
    cases.append(dict(F=F, T=T, batch=1, nops=3, X=X, Y=Y[None], ops=chain))
    o.put("ncases", [len(cases)])
    for i, c in enumerate(cases):
        for k, v in c.items():
            if k == "ops":
                for j, op in enumerate(v):
                    o.put(f"c{i}.op{j}", op)
            else:
                o.put(f"c{i}.{k}", np.atleast_1d(v))
    o.write()


GENERATORS = {name[4:]: fn for name, fn in sorted(globals().items()) if name.startswith("gen_") and callable(fn)}

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    wanted = sys.argv[1:] or list(GENERATORS)
    for name in wanted:
        GENERATORS[name]()
