package p

func f() int { return 1 }

var x = f /* ERROR "initialiser of package variable x must be constant" */ ()
