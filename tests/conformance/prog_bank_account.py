# Realistic: bank accounts with transfers, errors, history and interest.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance {account.balance}")
        self.amount = amount
class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self.balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self.balance
    def __repr__(self):
        return f"Account(#{self.id}, {self.owner!r}, {self.balance})"
class Savings(Account):
    def __init__(self, owner, balance=0, rate=0.05):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest
    def __repr__(self):
        return "Savings" + super().__repr__()[7:]
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, acct):
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except InsufficientFunds as e:
            print("  transfer failed:", e)
            return False
        self.accounts[dst].deposit(amount)
        return True
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank()
alice = bank.open(Account("alice", 100))
bob = bank.open(Savings("bob", 1000, rate=0.02))
carol = bank.open(Account("carol"))
print(alice, bob, carol)
print(bank.transfer(1, 3, 30), bank.transfer(3, 2, 50), bank.transfer(2, 1, 250))
print(alice, bob, carol)
print("interest", bob.add_interest(), bob.balance)
for amt in [10, -5, 0]:
    try:
        print("deposit", amt, "->", carol.deposit(amt))
    except ValueError as e:
        print("deposit", amt, "error:", e)
try:
    carol.withdraw(1000)
except InsufficientFunds as e:
    print("caught:", e, "| amount", e.amount, "| args", e.args)
print("total", bank.total())
for acct in sorted(bank.accounts.values(), key=lambda a: a.balance, reverse=True):
    print(f"{acct.owner:<6}{acct.balance:>10.2f} {len(acct.history)} ops {acct.history}")
print(isinstance(bob, Account), type(bob).__name__, Account.next_id)
