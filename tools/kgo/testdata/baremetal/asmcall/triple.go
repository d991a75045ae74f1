package main

func triple(x int) int { return 3 * x }
