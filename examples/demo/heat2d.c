/* heat2d.c - explicit 2-D heat equation on a square plate, the loop structure of an ocean or
 * atmosphere model's tracer diffusion step: a halo update, a 5-point stencil, a copy-back and a
 * residual norm every few steps. Bundled with o2ath as the demo program. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define NX 96
#define NY 80
#define NSTEPS 40

static double t_old[NX + 2][NY + 2];
static double t_new[NX + 2][NY + 2];
double kappa = 0.2; /* diffusion number, stable below 0.25 */

static void initialise(void)
{
    int i, j;
#pragma omp parallel for private(j)
    for (i = 0; i < NX + 2; i++)
        for (j = 0; j < NY + 2; j++)
            t_old[i][j] = (i > NX / 3 && i < 2 * NX / 3 && j > NY / 3 && j < 2 * NY / 3) ? 100.0 : 0.0;
}

/* One explicit step; returns the largest change, the model's convergence monitor. */
static double step(double k)
{
    double dmax = 0.0;
    int i, j;
#pragma omp parallel default(none) shared(t_old, t_new) firstprivate(k) private(i, j) \
        reduction(max : dmax)
    {
        /* insulated boundaries: copy the edge into the halo */
#pragma omp for
        for (i = 1; i <= NX; i++) {
            t_old[i][0] = t_old[i][1];
            t_old[i][NY + 1] = t_old[i][NY];
        }
#pragma omp for
        for (j = 0; j < NY + 2; j++) {
            t_old[0][j] = t_old[1][j];
            t_old[NX + 1][j] = t_old[NX][j];
        }
#pragma omp for schedule(static, 4)
        for (i = 1; i <= NX; i++) {
            for (j = 1; j <= NY; j++) {
                double lap = t_old[i - 1][j] + t_old[i + 1][j] + t_old[i][j - 1] + t_old[i][j + 1] - 4.0 * t_old[i][j];
                t_new[i][j] = t_old[i][j] + k * lap;
                double d = fabs(t_new[i][j] - t_old[i][j]);
                if (d > dmax)
                    dmax = d;
            }
        }
#pragma omp for nowait
        for (i = 1; i <= NX; i++)
            for (j = 1; j <= NY; j++)
                t_old[i][j] = t_new[i][j];
    }
    return dmax;
}

static double total_heat(void)
{
    double sum = 0.0;
    int i;
#pragma omp parallel for reduction(+ : sum)
    for (i = 1; i <= NX; i++) {
        int j;
        for (j = 1; j <= NY; j++)
            sum += t_old[i][j];
    }
    return sum;
}

int main(void)
{
    initialise();
    double h0 = total_heat();
    printf("initial heat %.6f\n", h0);
    for (int n = 1; n <= NSTEPS; n++) {
        double dmax = step(kappa);
        if (n % 10 == 0)
            printf("step %3d  max change %.10f  heat %.6f\n", n, dmax, total_heat());
    }
    /* the insulated plate conserves heat up to rounding */
    double h1 = total_heat();
    printf("heat conserved: %s\n", fabs(h1 - h0) < 1e-8 * h0 ? "yes" : "NO");
    return 0;
}
