package p

func f() int { return 1 }

var x = f /* ERROR "initialiser of package variable x must be constant" */ ()

type T struct{ x int }

var p = & /* ERROR "initialiser of package variable p must be constant" */ T{1}
