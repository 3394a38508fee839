// alt: wall time of commands run in alternation (A B C, B C A, C A B, ...), so load changes hit every command alike.
//   cc -O2 -o bin/alt alt.c
//   bin/alt [-n ROUNDS] [-w WARMUP] -- CMD1 ARGS ::: CMD2 ARGS ::: ...
// A command may start with NAME=VALUE words: they are added to its environment (no `env` process).
// stdout and stderr go to /dev/null. Prints, per command: median, p25, p75 (ms), mean user+sys CPU (ms), failures.
#define _GNU_SOURCE
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <sys/resource.h>
#include <unistd.h>

extern char **environ;

typedef struct {
	char **argv;
	char **envp;
	double *wall;
	double cpu;
	int failed;
	char label[200];
} cmd_t;

static int cmp(const void *a, const void *b) {
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double now_ms(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int run(cmd_t *c, double *wall, double *cpu) {
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	double t0 = now_ms();
	if (posix_spawnp(&pid, c->argv[0], &fa, NULL, c->argv, c->envp) != 0) {
		perror(c->argv[0]);
		exit(2);
	}
	int status;
	struct rusage ru;
	wait4(pid, &status, 0, &ru);
	*wall = now_ms() - t0;
	*cpu = ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 + ru.ru_stime.tv_sec * 1e3 + ru.ru_stime.tv_usec / 1e3;
	posix_spawn_file_actions_destroy(&fa);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(int argc, char **argv) {
	int rounds = 200, warmup = 10, i = 1;
	for (; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "-n")) rounds = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-w")) warmup = atoi(argv[++i]);
	}
	i++;
	cmd_t cmds[32];
	int n = 0;
	while (i < argc) {
		cmd_t *c = &cmds[n++];
		memset(c, 0, sizeof *c);
		int nenv = 0;
		while (environ[nenv]) nenv++;
		int envstart = nenv;
		c->envp = calloc(nenv + argc, sizeof(char *));
		memcpy(c->envp, environ, nenv * sizeof(char *));
		while (i < argc && strchr(argv[i], '=') && argv[i][0] != '/' && strcmp(argv[i], ":::")) c->envp[nenv++] = argv[i++];
		c->argv = calloc(argc, sizeof(char *));
		int k = 0;
		while (i < argc && strcmp(argv[i], ":::")) c->argv[k++] = argv[i++];
		i++;
		char *p = c->label;
		for (int j = envstart; j < nenv; j++) p += snprintf(p, c->label + sizeof c->label - p, "%s ", c->envp[j]);
		for (int j = 0; c->argv[j] && p < c->label + 150; j++) p += snprintf(p, c->label + sizeof c->label - p, "%s%s", j ? " " : "", c->argv[j]);
		c->wall = calloc(rounds, sizeof(double));
	}
	for (int r = -warmup; r < rounds; r++) {
		for (int j = 0; j < n; j++) {
			cmd_t *c = &cmds[(j + (r < 0 ? 0 : r)) % n];
			double w, cpu;
			int rc = run(c, &w, &cpu);
			if (r >= 0) {
				c->wall[r] = w;
				c->cpu += cpu;
				if (rc != 0) c->failed++;
			}
		}
	}
	printf("%-8s %-8s %-8s %-8s %-6s %s\n", "median", "p25", "p75", "cpu", "fail", "command");
	for (int j = 0; j < n; j++) {
		cmd_t *c = &cmds[j];
		qsort(c->wall, rounds, sizeof(double), cmp);
		printf("%-8.3f %-8.3f %-8.3f %-8.3f %-6d %s\n", c->wall[rounds / 2], c->wall[rounds / 4], c->wall[rounds * 3 / 4],
		       c->cpu / rounds, c->failed, c->label);
	}
	return 0;
}
