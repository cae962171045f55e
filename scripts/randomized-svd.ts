// Truncated SVD of a sparse matrix by randomised subspace iteration (Halko, Martinsson & Tropp
// 2011, algorithms 4.4 and 5.1), in plain TypeScript: a seeded Gaussian test matrix, a few power
// iterations that re-orthonormalise after every product, and the small l×l eigenproblem solved
// by cyclic Jacobi. Single-threaded with a fixed order of operations: the same matrix and seed
// give the same bits. Dense matrices are row-major Float64Arrays.
import { seededRandom } from '../src/learn/seeded-random.ts';

/** A sparse matrix in compressed rows. */
export interface Csr {
  rows: number;
  cols: number;
  /** rows + 1 offsets into `col` and `value`. */
  rowStart: Int32Array;
  col: Int32Array;
  value: Float32Array;
}

export interface Svd {
  /** rows × k left singular vectors, row-major. */
  u: Float64Array;
  /** k singular values, largest first. */
  s: Float64Array;
  k: number;
}

/** A · X, X cols × l. */
function times(a: Csr, x: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.rows * l);
  for (let i = 0; i < a.rows; i++) {
    const o = i * l;
    for (let p = a.rowStart[i]!; p < a.rowStart[i + 1]!; p++) {
      const v = a.value[p]!;
      const xo = a.col[p]! * l;
      for (let j = 0; j < l; j++) out[o + j]! += v * x[xo + j]!;
    }
  }
  return out;
}

/** Aᵀ · Y, Y rows × l. */
function transposeTimes(a: Csr, y: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.cols * l);
  for (let i = 0; i < a.rows; i++) {
    const yo = i * l;
    for (let p = a.rowStart[i]!; p < a.rowStart[i + 1]!; p++) {
      const v = a.value[p]!;
      const o = a.col[p]! * l;
      for (let j = 0; j < l; j++) out[o + j]! += v * y[yo + j]!;
    }
  }
  return out;
}

/** Yᵀ Y (l × l) of an n × l matrix. */
function gram(y: Float64Array, n: number, l: number): Float64Array {
  const g = new Float64Array(l * l);
  for (let i = 0; i < n; i++) {
    const o = i * l;
    for (let a = 0; a < l; a++) {
      const ya = y[o + a]!;
      if (ya === 0) continue;
      const ga = a * l;
      for (let b = a; b < l; b++) g[ga + b]! += ya * y[o + b]!;
    }
  }
  for (let a = 0; a < l; a++) for (let b = 0; b < a; b++) g[a * l + b] = g[b * l + a]!;
  return g;
}

/**
 * Eigenvalues and eigenvectors of a symmetric l × l matrix by cyclic Jacobi rotations: slow in l
 * (l³ a sweep) but exact to rounding and with no pivoting choices, which is what a 150-wide
 * problem solved a handful of times needs. Returns values largest first, vectors as columns.
 */
export function symmetricEigen(m: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(m);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < l; p++) {
      diag += a[p * l + p]! ** 2;
      for (let q = p + 1; q < l; q++) off += a[p * l + q]! ** 2;
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < l - 1; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q]!;
        if (apq === 0) continue;
        const app = a[p * l + p]!;
        const aqq = a[q * l + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p]!;
          const akq = a[k * l + q]!;
          a[k * l + p] = c * akp - s * akq;
          a[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k]!;
          const aqk = a[q * l + k]!;
          a[p * l + k] = c * apk - s * aqk;
          a[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]!;
          const vkq = v[k * l + q]!;
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: l }, (_, i) => i).sort((x, y) => a[y * l + y]! - a[x * l + x]! || x - y);
  const values = Float64Array.from(order, (i) => a[i * l + i]!);
  const vectors = new Float64Array(l * l);
  order.forEach((from, to) => {
    for (let k = 0; k < l; k++) vectors[k * l + to] = v[k * l + from]!;
  });
  return { values, vectors };
}

/** Y · M, Y n × l, M l × m. */
function timesSmall(y: Float64Array, n: number, l: number, m: Float64Array, mCols: number): Float64Array {
  const out = new Float64Array(n * mCols);
  for (let i = 0; i < n; i++) {
    const yo = i * l;
    const o = i * mCols;
    for (let a = 0; a < l; a++) {
      const ya = y[yo + a]!;
      if (ya === 0) continue;
      const ma = a * mCols;
      for (let b = 0; b < mCols; b++) out[o + b]! += ya * m[ma + b]!;
    }
  }
  return out;
}

/**
 * An orthonormal basis of Y's columns: Y V Λ^(-1/2) from the eigendecomposition of YᵀY, done twice
 * (as CholeskyQR2 is) so that the rounding of the first pass is removed by the second.
 * Directions with no weight (a rank below l) are left out of the scale, not divided by zero.
 */
function orthonormal(y: Float64Array, n: number, l: number): Float64Array {
  let q = y;
  for (let pass = 0; pass < 2; pass++) {
    const { values, vectors } = symmetricEigen(gram(q, n, l), l);
    const floor = values[0]! * 1e-24;
    for (let b = 0; b < l; b++) {
      const scale = values[b]! > floor ? 1 / Math.sqrt(values[b]!) : 0;
      for (let a = 0; a < l; a++) vectors[a * l + b]! *= scale;
    }
    q = timesSmall(q, n, l, vectors, l);
  }
  return q;
}

/** Standard normal numbers from a seed (Box–Muller over the seeded uniform generator). */
function gaussians(count: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - random()));
    const t = 2 * Math.PI * random();
    out[i] = r * Math.cos(t);
    if (i + 1 < count) out[i + 1] = r * Math.sin(t);
  }
  return out;
}

export interface SvdOptions {
  /** Extra columns beyond k for the range finder (Halko et al. suggest 5–20). */
  oversample?: number;
  /** Power iterations: 2–4 sharpen a slowly decaying spectrum such as a PPMI matrix's. */
  powerIterations?: number;
  seed?: number;
  log?: (message: string) => void;
}

/** The k largest singular values of A and their left singular vectors. */
export function randomizedSvd(a: Csr, k: number, options: SvdOptions = {}): Svd {
  const l = Math.min(k + (options.oversample ?? 16), a.rows, a.cols);
  const log = options.log ?? (() => {});
  let q = orthonormal(times(a, gaussians(a.cols * l, options.seed ?? 1), l), a.rows, l);
  for (let it = 0; it < (options.powerIterations ?? 3); it++) {
    const z = orthonormal(transposeTimes(a, q, l), a.cols, l);
    q = orthonormal(times(a, z, l), a.rows, l);
    log(`power iteration ${it + 1}`);
  }
  // B = Qᵀ A is l × cols; B Bᵀ = (AᵀQ)ᵀ(AᵀQ) has B's squared singular values and left vectors
  const bt = transposeTimes(a, q, l);
  const { values, vectors } = symmetricEigen(gram(bt, a.cols, l), l);
  const kept = Math.min(k, l);
  const u = timesSmall(q, a.rows, l, pickColumns(vectors, l, kept), kept);
  // a singular vector's sign is arbitrary: fix it (largest entry positive) so the output is stable
  for (let j = 0; j < kept; j++) {
    let best = 0;
    for (let i = 0; i < a.rows; i++) if (Math.abs(u[i * kept + j]!) > Math.abs(best)) best = u[i * kept + j]!;
    if (best < 0) for (let i = 0; i < a.rows; i++) u[i * kept + j] = -u[i * kept + j]!;
  }
  return { u, s: Float64Array.from({ length: kept }, (_, j) => Math.sqrt(Math.max(0, values[j]!))), k: kept };
}

function pickColumns(m: Float64Array, l: number, k: number): Float64Array {
  const out = new Float64Array(l * k);
  for (let a = 0; a < l; a++) for (let b = 0; b < k; b++) out[a * k + b] = m[a * l + b]!;
  return out;
}
