/*
 * cmark_limit: the speed limit for rendering merged newsletters.
 *
 * Reads every *.md file in IN_DIR (the same pre-merged Markdown the Hugo
 * comparison site gets), renders each one with libcmark-gfm using the
 * options and extensions rapport uses (table, strikethrough, autolink,
 * tasklist, tagfilter; VALIDATE_UTF8 | SMART | FOOTNOTES), and writes the
 * HTML fragment to OUT_DIR/<name>.html. Single-threaded on purpose: twice
 * its pages/s is "the two-core limit" that rapport is measured against.
 *
 *   cc -O2 -o cmark_limit Benchmarks/cmark_limit.c $(pkg-config --cflags --libs libcmark-gfm)
 *   ./cmark_limit IN_DIR OUT_DIR
 *
 * Prints one line: "cmark_limit: N pages, S s, P pages/s" (its own clock,
 * reading and writing included, process start excluded).
 */
#define _POSIX_C_SOURCE 200809L
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static const char *extension_names[] = {"table", "strikethrough", "autolink", "tasklist", "tagfilter"};

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *read_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    size_t capacity = 8192, used = 0;
    char *buffer = malloc(capacity);
    size_t got;
    while (buffer && (got = fread(buffer + used, 1, capacity - used, file)) > 0) {
        used += got;
        if (used == capacity) buffer = realloc(buffer, capacity *= 2);
    }
    fclose(file);
    *length = used;
    return buffer;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s IN_DIR OUT_DIR\n", argv[0]);
        return 2;
    }
    const char *in_dir = argv[1], *out_dir = argv[2];
    double start = now();
    if (mkdir(out_dir, 0755) != 0 && errno != EEXIST) {
        perror(out_dir);
        return 1;
    }
    DIR *dir = opendir(in_dir);
    if (!dir) {
        perror(in_dir);
        return 1;
    }
    size_t count = 0, capacity = 1024;
    char **names = malloc(capacity * sizeof *names);
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        size_t length = strlen(entry->d_name);
        if (length < 4 || strcmp(entry->d_name + length - 3, ".md") != 0) continue;
        if (count == capacity) names = realloc(names, (capacity *= 2) * sizeof *names);
        names[count++] = strdup(entry->d_name);
    }
    closedir(dir);
    qsort(names, count, sizeof *names, compare_names);

    cmark_gfm_core_extensions_ensure_registered();
    int options = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES;
    char path[4096];
    size_t bytes_out = 0;
    for (size_t i = 0; i < count; i++) {
        snprintf(path, sizeof path, "%s/%s", in_dir, names[i]);
        size_t length = 0;
        char *markdown = read_file(path, &length);
        if (!markdown) {
            perror(path);
            return 1;
        }
        cmark_parser *parser = cmark_parser_new(options);
        for (size_t e = 0; e < sizeof extension_names / sizeof *extension_names; e++) {
            cmark_syntax_extension *extension = cmark_find_syntax_extension(extension_names[e]);
            if (!extension) {
                fprintf(stderr, "cmark-gfm extension '%s' is not registered\n", extension_names[e]);
                return 1;
            }
            cmark_parser_attach_syntax_extension(parser, extension);
        }
        cmark_parser_feed(parser, markdown, length);
        cmark_node *document = cmark_parser_finish(parser);
        char *html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser));
        size_t html_length = strlen(html);
        bytes_out += html_length;

        names[i][strlen(names[i]) - 3] = '\0';
        snprintf(path, sizeof path, "%s/%s.html", out_dir, names[i]);
        FILE *out = fopen(path, "wb");
        if (!out || fwrite(html, 1, html_length, out) != html_length || fclose(out) != 0) {
            perror(path);
            return 1;
        }
        free(html);
        cmark_node_free(document);
        cmark_parser_free(parser);
        free(markdown);
        free(names[i]);
    }
    free(names);
    double seconds = now() - start;
    printf("cmark_limit: %zu pages, %.3f s, %.0f pages/s, %zu HTML bytes\n", count, seconds,
           seconds > 0 ? (double)count / seconds : 0.0, bytes_out);
    return 0;
}
