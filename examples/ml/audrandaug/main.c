/* AudRandAug example (ml-kernels.md §4; the op list is reconstructed and FLAGged there): 8 synthetic
 * 1-second clips at 16 kHz -> power STFT (K11: n_fft 512, hop 160, periodic Hann, centred) -> 64-band HTK
 * mel projection (K1 GEMM with both operands transposed, giving mels x frames) -> dB and RandAugment
 * (N = 2 ops per clip, magnitude 9 of 30) in one K12 call. Writes PGM images of clean and augmented
 * log-mel spectrograms for the first four clips. */
#include "swk_stft.h"
#include "swk_gemm.h"
#include "swk_specaug.h"
#include "ex_util.h"

enum { B = 8, SR = 16000, NS = 16000, NFFT = 512, HOP = 160, NB = NFFT / 2 + 1, MELS = 64, NOPS = 3 };

static double hz_to_mel(double f) { return 2595.0 * log10(1.0 + f / 700.0); }
static double mel_to_hz(double m) { return 700.0 * (pow(10.0, m / 2595.0) - 1.0); }

/* torchaudio.functional.melscale_fbanks(n_freqs, 0, sr/2, n_mels, sr, norm=None, mel_scale="htk"). */
static void mel_fbank(float *fb) {
  double mp[MELS + 2], fp[MELS + 2];
  for (int i = 0; i < MELS + 2; i++) { mp[i] = hz_to_mel(SR / 2.0) * i / (MELS + 1); fp[i] = mel_to_hz(mp[i]); }
  for (int k = 0; k < NB; k++) {
    double f = (SR / 2.0) * k / (NB - 1);
    for (int m = 0; m < MELS; m++) {
      double down = (f - fp[m]) / (fp[m + 1] - fp[m]), up = (fp[m + 2] - f) / (fp[m + 2] - fp[m + 1]);
      double v = fmin(down, up);
      fb[k * MELS + m] = (float)(v > 0 ? v : 0);
    }
  }
}

static void write_pgm(const char *name, const float *x, int F, int T) {
  float lo = INFINITY, hi = -INFINITY;
  for (int i = 0; i < F * T; i++) { lo = fminf(lo, x[i]); hi = fmaxf(hi, x[i]); }
  FILE *f = fopen(name, "wb");
  fprintf(f, "P5\n%d %d\n255\n", T, F);
  for (int r = F - 1; r >= 0; r--) /* low frequencies at the bottom */
    for (int t = 0; t < T; t++) fputc((int)(255 * (x[r * T + t] - lo) / (hi - lo + 1e-12f)), f);
  fclose(f);
}

int main(void) {
  static const char *opname[] = { "none", "time-mask", "freq-mask", "roll", "gain", "noise", "stretch", "freq-shift", "dB" };
  ex_seed(4);
  long frames = swk_stft_frames(NS, NFFT, HOP, 1);
  float *wav = malloc(sizeof(float) * NS), win[NFFT], *fb = malloc(sizeof(float) * NB * MELS);
  float *pw = malloc(sizeof(float) * frames * NB), *mel = malloc(sizeof(float) * B * MELS * frames), *out = malloc(sizeof(float) * B * MELS * frames);
  for (int i = 0; i < NFFT; i++) win[i] = (float)(0.5 - 0.5 * cos(6.283185307179586 * i / NFFT));
  mel_fbank(fb);
  int ok = 1;
  for (int b = 0; b < B; b++) {
    double f0 = 300 + 250 * b; /* a tone per clip, plus a rising chirp and noise */
    for (int i = 0; i < NS; i++) {
      double t = (double)i / SR;
      wav[i] = (float)(0.5 * sin(6.283185307179586 * f0 * t) + 0.2 * sin(6.283185307179586 * (200 * t + 1500 * t * t)) + 0.01 * ex_normal());
    }
    swk_stft_power_f32(wav, NS, NFFT, HOP, 1, win, pw);
    swk_gemm_desc_f32 d = swk_gemm_desc_plain_f32(MELS, (int)frames, NB, fb, pw, mel + (long)b * MELS * frames);
    d.transA = 1; d.lda = MELS; /* fb^T: mels x bins */
    d.transB = 1; d.ldb = NB;   /* power^T: bins x frames */
    swk_gemm_f32(&d);
    /* The tone's mel band must dominate the middle frame. */
    int best = 0;
    const float *col = mel + (long)b * MELS * frames;
    for (int m = 1; m < MELS; m++) if (col[m * frames + frames / 2] > col[best * frames + frames / 2]) best = m;
    int want = (int)lround(hz_to_mel(f0) / (hz_to_mel(SR / 2.0) / (MELS + 1))) - 1;
    ok &= abs(best - want) <= 1;
  }
  swk_aug_op ops[B * NOPS], draw[B * 2];
  swk_randaug_ops(2024, B, 2, 9, 30, MELS, (int)frames, draw);
  for (int b = 0; b < B; b++) {
    memset(&ops[b * NOPS], 0, sizeof(swk_aug_op));
    ops[b * NOPS].op = SWK_AUG_TO_DB;
    ops[b * NOPS].rate = 1;
    ops[b * NOPS + 1] = draw[2 * b];
    ops[b * NOPS + 2] = draw[2 * b + 1];
  }
  swk_specaug_f32(mel, MELS, (int)frames, B, ops, NOPS, 99, out);
  swk_aug_op db[B];
  for (int b = 0; b < B; b++) db[b] = ops[b * NOPS];
  float *clean = malloc(sizeof(float) * B * MELS * frames);
  swk_specaug_f32(mel, MELS, (int)frames, B, db, 1, 99, clean);
  for (int b = 0; b < B; b++) {
    printf("clip %d (tone %4.0f Hz): ", b, 300.0 + 250 * b);
    for (int j = 1; j < NOPS; j++) {
      const swk_aug_op *o = &ops[b * NOPS + j];
      printf("%s(t0=%d w=%d mag=%.2f rate=%.2f shift=%d)%s", opname[o->op], o->t0, o->w, o->mag, o->rate, o->shift, j + 1 < NOPS ? ", " : "\n");
    }
    if (b < 4) {
      char name[64];
      snprintf(name, sizeof name, "clip%d_logmel.pgm", b);
      write_pgm(name, clean + (long)b * MELS * frames, MELS, (int)frames);
      snprintf(name, sizeof name, "clip%d_augmented.pgm", b);
      write_pgm(name, out + (long)b * MELS * frames, MELS, (int)frames);
    }
  }
  printf("log-mel %d x %ld per clip; wrote clip{0..3}_logmel.pgm and clip{0..3}_augmented.pgm\n", MELS, frames);
  printf("result: %s\n", ok ? "each clip's tone lands in its expected mel band; augmented views written" : "UNEXPECTED");
  return ok ? 0 : 1;
}
