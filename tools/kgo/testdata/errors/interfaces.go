package p

type Stringer interface /* ERROR "interfaces: outside the kernel subset" */ {
	String() string
}
