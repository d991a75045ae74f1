/*
 * sh: the shell, after V6++'s Shell.exe.
 *
 *	sh [file]
 *
 * Reads commands from file, or from standard input with the prompt
 * "[cwd]# ". A line is a list of pipelines separated by ';' or '&'
 * ('&' runs the pipeline in the background and prints the pid of its
 * last command). A pipeline is commands joined by '|'. A command is words,
 * with redirections '< file', '> file' and '>> file'. Words may be quoted
 * with '...' (taken literally) or "..." (where \" and \\ are escapes);
 * a backslash outside quotes takes the next character literally; a word
 * starting with '#' begins a comment. Builtins: cd [dir], exit [status].
 *
 * A command is run by fork and exec of its name, then of /bin/name, as
 * V6++ does. The shell waits for every command of a foreground pipeline;
 * background commands are reaped by those waits (the kernel's waitpid has
 * no WNOHANG), and a command killed by a signal is reported.
 */
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

/* Where commands are looked for after the name itself; tests on the host
 * point it at the freshly built programs. */
#ifndef BINDIR
#define BINDIR "/bin"
#endif

#define LINESIZ 1024	/* longest command line */
#define MAXWORD 128	/* words and operators in a line */
#define MAXARG 64	/* arguments of one command */
#define MAXCMD 16	/* commands in one pipeline */
#define MAXPATH 256

char *getcwd(char *buf, size_t size);	/* unistd.h on POSIX; the kernel may lack it */

/* Tokens: a word, or one of the operators. */
enum { WORD, SEMI, AMP, BAR, LT, GT, GTGT, END };

struct token {
	int type;
	char *word;
};

struct cmd {
	char *argv[MAXARG + 1];
	char *in, *out;	/* redirections, or NULL */
	int append;	/* out is '>>' */
};

char line[LINESIZ + 1];
char words[2 * LINESIZ + 2];	/* the words, unquoted, each ending in NUL */
struct token toks[MAXWORD + 1];
struct cmd cmds[MAXCMD];
char cwd[MAXPATH];
int infd;	/* where commands come from */
int status;	/* of the last foreground command, for exit */

void prompt(void);
int getcmd(void);
int lex(void);
int parse(int *ti, int *ncmd);
void runpipe(int ncmd, int bg);
int builtin(struct cmd *c);
void child(struct cmd *c, int in, int out);
void waitfor(int *pids, int n);
void report(int pid, int st, int fg);
void setcwd(char *dir);
void err(char *s1, char *s2);

int main(int argc, char **argv)
{
	int ti, ncmd, ntok, bg;

	infd = 0;
	if (argc > 1) {
		infd = open(argv[1], O_RDONLY);
		if (infd < 0) {
			err(argv[1], strerror(errno));
			return 2;
		}
	}
	if (getcwd(cwd, sizeof cwd) == NULL)
		strcpy(cwd, "/");
	if (infd == 0) {
		/* ^C and ^\ are for the commands, not the shell (V6 sh). */
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
	}
	for (;;) {
		if (infd == 0)
			prompt();
		if (!getcmd())
			break;
		ntok = lex();
		if (ntok < 0)
			continue;
		ti = 0;
		while (toks[ti].type != END) {
			if (parse(&ti, &ncmd) < 0)
				break;
			bg = toks[ti].type == AMP;
			if (bg || toks[ti].type == SEMI)
				ti++;
			if (ncmd > 0)
				runpipe(ncmd, bg);
		}
	}
	return status;
}

void prompt(void)
{
	char buf[MAXPATH + 8];

	sprintf(buf, "[%s]# ", cwd);
	write(1, buf, strlen(buf));
}

/*
 * getcmd reads one line into line[], a byte at a time: commands share
 * the shell's input, so the shell must not read past the newline.
 * It returns 0 at end of input with nothing read.
 */
int getcmd(void)
{
	int n, toolong;
	char c;

	n = 0;
	toolong = 0;
	while (read(infd, &c, 1) == 1) {
		if (c == '\n') {
			line[n] = '\0';
			if (toolong) {
				err("line too long", NULL);
				n = 0;
				toolong = 0;
				continue;
			}
			return 1;
		}
		if (n < LINESIZ)
			line[n++] = c;
		else
			toolong = 1;
	}
	line[n] = '\0';
	return n > 0 && !toolong;
}

/*
 * lex splits line[] into toks[], ending with END; it returns the number
 * of tokens, or -1 after an error message.
 */
int lex(void)
{
	char *p, *w;
	int n, q;

	p = line;
	w = words;
	n = 0;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#')
			break;
		if (n >= MAXWORD) {
			err("too many words", NULL);
			return -1;
		}
		toks[n].word = NULL;
		switch (*p) {
		case ';':
			toks[n++].type = SEMI;
			p++;
			continue;
		case '&':
			toks[n++].type = AMP;
			p++;
			continue;
		case '|':
			toks[n++].type = BAR;
			p++;
			continue;
		case '<':
			toks[n++].type = LT;
			p++;
			continue;
		case '>':
			p++;
			if (*p == '>') {
				toks[n++].type = GTGT;
				p++;
			} else
				toks[n++].type = GT;
			continue;
		}
		/* A word: up to a blank or an operator outside quotes. */
		toks[n].type = WORD;
		toks[n++].word = w;
		q = 0;
		for (; *p != '\0'; p++) {
			if (q == '\'') {
				if (*p == '\'')
					q = 0;
				else
					*w++ = *p;
			} else if (q == '"') {
				if (*p == '"')
					q = 0;
				else if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
					*w++ = *++p;
				else
					*w++ = *p;
			} else if (*p == '\'' || *p == '"')
				q = *p;
			else if (*p == '\\' && p[1] != '\0')
				*w++ = *++p;
			else if (strchr(" \t;&|<>", *p) != NULL)
				break;
			else
				*w++ = *p;
		}
		*w++ = '\0';
		if (q != 0) {
			err("unmatched quote", NULL);
			return -1;
		}
	}
	toks[n].type = END;
	return n;
}

/*
 * parse reads one pipeline from toks[*ti] into cmds[], stopping at ';',
 * '&' or the end; it sets *ncmd (0 for an empty pipeline) and returns 0,
 * or -1 after a syntax error, which abandons the rest of the line.
 */
int parse(int *ti, int *ncmd)
{
	struct cmd *c;
	int t, argc, n;

	n = 0;
	c = &cmds[0];
	memset(c, 0, sizeof *c);
	argc = 0;
	for (;;) {
		t = toks[*ti].type;
		if (t == WORD) {
			if (argc >= MAXARG) {
				err("too many arguments", NULL);
				return -1;
			}
			c->argv[argc++] = toks[(*ti)++].word;
			continue;
		}
		if (t == LT || t == GT || t == GTGT) {
			(*ti)++;
			if (toks[*ti].type != WORD) {
				err("syntax error: missing file name", NULL);
				return -1;
			}
			if (t == LT)
				c->in = toks[*ti].word;
			else {
				c->out = toks[*ti].word;
				c->append = t == GTGT;
			}
			(*ti)++;
			continue;
		}
		/* The command ends here. */
		c->argv[argc] = NULL;
		if (argc == 0 && (t == BAR || n > 0 || c->in != NULL || c->out != NULL)) {
			err("syntax error: empty command", NULL);
			return -1;
		}
		if (argc > 0)
			n++;
		if (t != BAR)
			break;
		if (n >= MAXCMD) {
			err("pipeline too long", NULL);
			return -1;
		}
		(*ti)++;
		c = &cmds[n];
		memset(c, 0, sizeof *c);
		argc = 0;
	}
	*ncmd = n;
	return 0;
}

/*
 * runpipe runs cmds[0..ncmd-1] joined by pipes: each command's output
 * goes into a new pipe that becomes the next one's input.
 */
void runpipe(int ncmd, int bg)
{
	int pids[MAXCMD];
	int i, in, pid, fd[2];
	char buf[16];

	if (ncmd == 1 && !bg && builtin(&cmds[0]))
		return;
	in = 0;
	for (i = 0; i < ncmd; i++) {
		fd[0] = -1;
		fd[1] = 1;
		if (i < ncmd - 1 && pipe(fd) < 0) {
			err("pipe", strerror(errno));
			break;
		}
		pid = fork();
		if (pid < 0) {
			err("fork", strerror(errno));
			if (fd[0] >= 0) {
				close(fd[0]);
				close(fd[1]);
			}
			break;
		}
		if (pid == 0) {
			if (fd[0] >= 0)
				close(fd[0]);	/* the next command's end */
			if (!bg && infd == 0) {
				/* A foreground command can be interrupted; a
				 * background one goes on ignoring ^C (V6 sh). */
				signal(SIGINT, SIG_DFL);
				signal(SIGQUIT, SIG_DFL);
			}
			child(&cmds[i], in, fd[1]);
		}
		pids[i] = pid;
		/* The shell keeps no pipe ends, or readers never see end of file. */
		if (in != 0)
			close(in);
		if (fd[1] != 1)
			close(fd[1]);
		in = fd[0];
	}
	if (in > 0)
		close(in);
	if (bg) {
		if (i > 0) {
			sprintf(buf, "%d\n", pids[i - 1]);
			write(1, buf, strlen(buf));
		}
		return;
	}
	waitfor(pids, i);
}

/* builtin runs cd and exit in the shell itself; it returns 0 for others. */
int builtin(struct cmd *c)
{
	char *dir;

	if (strcmp(c->argv[0], "exit") == 0) {
		exit(c->argv[1] != NULL ? atoi(c->argv[1]) : status);
	}
	if (strcmp(c->argv[0], "cd") == 0 || strcmp(c->argv[0], "chdir") == 0) {
		dir = c->argv[1] != NULL ? c->argv[1] : "/";
		if (chdir(dir) < 0) {
			err(dir, strerror(errno));
			status = 1;
		} else {
			setcwd(dir);
			status = 0;
		}
		return 1;
	}
	return 0;
}

/*
 * child runs in a forked process: it connects in and out as standard
 * input and output, applies the redirections, and execs the command.
 */
void child(struct cmd *c, int in, int out)
{
	char path[MAXPATH];
	int fd;

	if (infd != 0)
		close(infd);	/* the script is the shell's, not the command's */
	if (in != 0) {
		dup2(in, 0);
		close(in);
	}
	if (out != 1) {
		dup2(out, 1);
		close(out);
	}
	if (c->in != NULL) {
		fd = open(c->in, O_RDONLY);
		if (fd < 0) {
			err(c->in, strerror(errno));
			_exit(1);
		}
		dup2(fd, 0);
		close(fd);
	}
	if (c->out != NULL) {
		/* Only open, creat and lseek, so that V6's calls are enough. */
		fd = -1;
		if (c->append && (fd = open(c->out, O_WRONLY)) >= 0)
			lseek(fd, 0, SEEK_END);
		if (fd < 0)
			fd = creat(c->out, 0666);
		if (fd < 0) {
			err(c->out, strerror(errno));
			_exit(1);
		}
		dup2(fd, 1);
		close(fd);
	}
	if (builtin(c))
		_exit(status);
	execv(c->argv[0], c->argv);
	if (strchr(c->argv[0], '/') == NULL && strlen(c->argv[0]) + sizeof BINDIR + 1 <= sizeof path) {
		sprintf(path, "%s/%s", BINDIR, c->argv[0]);
		execv(path, c->argv);
	}
	if (errno == ENOENT)
		err(c->argv[0], "not found");
	else
		err(c->argv[0], strerror(errno));
	_exit(127);
}

/*
 * waitfor waits until every process in pids[0..n-1] has exited; the
 * status of the last one is the pipeline's. Other children it collects
 * are background commands that finished meanwhile.
 */
void waitfor(int *pids, int n)
{
	int left, pid, st, i, mine;

	left = n;
	while (left > 0) {
		pid = wait(&st);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		mine = 0;
		for (i = 0; i < n; i++) {
			if (pids[i] == pid) {
				mine = 1;
				left--;
				if (i == n - 1)
					status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
			}
		}
		report(pid, st, mine);
	}
}

/* report says how a child died if a signal killed it; a SIGPIPE inside
 * a pipeline is the normal way for a writer to stop, so it is not news. */
void report(int pid, int st, int fg)
{
	char buf[64];

	if (!WIFSIGNALED(st) || WTERMSIG(st) == 13)
		return;
	if (fg)
		sprintf(buf, "Killed by signal %d\n", WTERMSIG(st));
	else
		sprintf(buf, "%d: Killed by signal %d\n", pid, WTERMSIG(st));
	write(2, buf, strlen(buf));
}

/*
 * setcwd updates cwd after a successful chdir(dir): from getcwd when the
 * system has it, else by joining dir to cwd and removing "." and "..".
 */
void setcwd(char *dir)
{
	char buf[2 * MAXPATH];
	char *p, *q, *out;
	int n;

	if (getcwd(cwd, sizeof cwd) != NULL)
		return;
	if (dir[0] == '/' || strlen(cwd) + strlen(dir) + 2 > sizeof buf)
		strcpy(buf, dir);
	else
		sprintf(buf, "%s/%s", cwd, dir);
	/* Rebuild the path component by component into buf itself. */
	out = buf;
	p = buf;
	for (;;) {
		while (*p == '/')
			p++;
		if (*p == '\0')
			break;
		q = p;
		while (*q != '\0' && *q != '/')
			q++;
		n = q - p;
		if (n == 1 && p[0] == '.')
			;
		else if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (out > buf && *--out != '/')
				;
		} else {
			*out++ = '/';
			memmove(out, p, n);
			out += n;
		}
		p = q;
	}
	if (out == buf)
		*out++ = '/';
	*out = '\0';
	if (strlen(buf) >= sizeof cwd)
		strcpy(cwd, "?");
	else
		strcpy(cwd, buf);
}

/* err prints "sh: s1: s2" (or "sh: s1") on standard error. */
void err(char *s1, char *s2)
{
	char buf[LINESIZ];

	if (s2 != NULL)
		snprintf(buf, sizeof buf, "sh: %s: %s\n", s1, s2);
	else
		snprintf(buf, sizeof buf, "sh: %s\n", s1);
	write(2, buf, strlen(buf));
}
