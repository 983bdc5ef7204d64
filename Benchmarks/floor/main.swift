// The process floor: the smallest Swift program that starts, writes one line and exits,
// built like the release binary (optimised, static Swift standard library). Every
// non-interactive command of playbook is compared with it.
print("floor")
