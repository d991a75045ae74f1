package p

import "fmt" /* ERROR "outside the kernel subset" */

func g() { fmt.Println() }
