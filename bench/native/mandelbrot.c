/* mandelbrot: same algorithm, operation order and output as bench/mandelbrot.py. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    long size = argc > 1 ? atol(argv[1]) : 500;
    long max_iter = 100, inside = 0, total = 0;
    for (long y = 0; y < size; y++) {
        double ci = 2.0 * (double)y / (double)size - 1.0;
        for (long x = 0; x < size; x++) {
            double cr = 2.0 * (double)x / (double)size - 1.5;
            double zr = 0.0, zi = 0.0;
            long i = 0;
            while (i < max_iter) {
                double tr = zr * zr - zi * zi + cr;
                zi = 2.0 * zr * zi + ci;
                zr = tr;
                if (zr * zr + zi * zi > 4.0) break;
                i++;
            }
            if (i == max_iter) inside++;
            total += i;
        }
    }
    printf("%ldx%ld: inside=%ld iterations=%ld\n", size, size, inside, total);
    return 0;
}
