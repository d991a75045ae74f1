#include <stdio.h>

/* main without a return statement returns 0 (C99). */
typedef struct {
	int pid;
	void (*run)(int);
} task;

void hello(int pid) { printf("task %d runs\n", pid); }

int main(void)
{
	task t = {7, hello};
	task *tp = &t;
	t.run(t.pid);
	(*tp->run)(tp->pid + 1);
	printf("%d\n", sizeof(task) > 4);
}
