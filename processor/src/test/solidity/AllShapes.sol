// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.20;

/// @notice Emits events of every ABI shape chainwire decodes, with fixed arguments that a test can
/// recompute. Each emitX() function emits the events named after it; emitAll() calls them all in
/// source order. Addresses used as values: ALICE = 0xA11CE, BOB = 0xB0B, COFFEE = 0xC0FFEE.
contract AllShapes {
    address private constant ALICE = address(uint160(0xA11CE));
    address private constant BOB = address(uint160(0xB0B));
    address private constant COFFEE = address(uint160(0xC0FFEE));

    struct Point {
        int32 x;
        int32 y;
    }

    struct Inner {
        uint256 id;
        string label;
    }

    struct Outer {
        Inner inner;
        Point[2] corners;
        Inner[] items;
        bytes32 tag;
    }

    event Unsigned(uint8 u8, uint24 u24, uint32 u32, uint64 u64, uint256 u256);
    event Signed(int8 i8, int24 i24, int32 i32, int64 i64, int256 i256);
    event Basics(address account, bool flag, bytes1 b1, bytes4 b4, bytes32 b32);
    event Dynamics(bytes blob, string text);
    event FunctionRef(function (uint256) external pure returns (uint256) callback);
    event Arrays(uint256[][] matrix, uint8[3][] triples, string[] words, bytes[2] pair);
    event Structs(Outer outer, Inner[] list, Inner[2][] grid, Point[3] points);
    event IndexedStatics(address indexed account, int64 indexed delta, bytes4 indexed tag, bool flag);
    event IndexedReferences(string indexed text, bytes indexed blob, uint256[] indexed numbers);
    event IndexedStruct(Inner indexed inner, Point indexed point, string note);
    event Anonymous4(uint256 indexed a, address indexed b, bytes32 indexed c, bool indexed d) anonymous;
    event AnonymousNoTopics(string note) anonymous;
    event Overloaded(uint256 value);
    event Overloaded(string value);
    event Overloaded(uint256 value, address account);
    event Unnamed(uint256, string, address indexed);
    event Keywords(uint256 class, bool boolean, address long, string package);
    event synchronized(uint256 native);
    /// Names that clash with members of generated code.
    event Event(uint256 meta, bytes32 decode, string filter);
    event Empty();
    /// ERC-20 layout; AllShapesErc721 emits the same topic 0 with the ERC-721 layout.
    event Transfer(address indexed from, address indexed to, uint256 value);

    /// The external function emitted by FunctionRef: this contract's address and this selector.
    function target(uint256 x) external pure returns (uint256) {
        return x;
    }

    function emitAll() external {
        emitIntegers();
        emitBasics();
        emitDynamics();
        emitFunctionRef();
        emitArrays();
        emitStructs();
        emitIndexed();
        emitAnonymous();
        emitOverloaded();
        emitNames();
        emitTransfer();
    }

    /// Unsigned and Signed, three times each: maxima, minima, small values.
    function emitIntegers() public {
        emit Unsigned(type(uint8).max, type(uint24).max, type(uint32).max, type(uint64).max, type(uint256).max);
        emit Signed(type(int8).max, type(int24).max, type(int32).max, type(int64).max, type(int256).max);
        emit Unsigned(0, 0, 0, 0, 0);
        emit Signed(type(int8).min, type(int24).min, type(int32).min, type(int64).min, type(int256).min);
        emit Unsigned(1, 2, 3, 4, 5);
        emit Signed(-1, -2, -3, -4, -5);
    }

    /// Basics twice: set values, then zero values.
    function emitBasics() public {
        emit Basics(COFFEE, true, 0xab, 0xdeadbeef, keccak256("chainwire"));
        emit Basics(address(0), false, 0x00, 0x00000000, bytes32(0));
    }

    /// Dynamics three times: empty; short; long bytes (65) with non-ASCII text.
    function emitDynamics() public {
        emit Dynamics("", "");
        emit Dynamics(hex"00ff", "hello");
        emit Dynamics(abi.encodePacked(keccak256("a"), keccak256("b"), hex"01"), unicode"héllo wörld ✓ 🚀");
    }

    /// FunctionRef once: this.target.
    function emitFunctionRef() public {
        emit FunctionRef(this.target);
    }

    /// Arrays twice: matrix [[1,2],[],[3]], triples [[1,2,3],[4,5,6]], words ["", "a", "ünïcødé"],
    /// pair [0x01, 0x]; then all empty (pair ["", ""]).
    function emitArrays() public {
        uint256[][] memory matrix = new uint256[][](3);
        matrix[0] = new uint256[](2);
        matrix[0][0] = 1;
        matrix[0][1] = 2;
        matrix[1] = new uint256[](0);
        matrix[2] = new uint256[](1);
        matrix[2][0] = 3;
        uint8[3][] memory triples = new uint8[3][](2);
        triples[0] = [uint8(1), 2, 3];
        triples[1] = [uint8(4), 5, 6];
        string[] memory words = new string[](3);
        words[0] = "";
        words[1] = "a";
        words[2] = unicode"ünïcødé";
        bytes[2] memory pair = [bytes(hex"01"), bytes("")];
        emit Arrays(matrix, triples, words, pair);
        bytes[2] memory emptyPair;
        emit Arrays(new uint256[][](0), new uint8[3][](0), new string[](0), emptyPair);
    }

    /// Structs once: outer = {inner {7, "seven"}, corners [{-1, 1}, {2, -2}], items [{1, "one"},
    /// {2, ""}], tag bytes32(0x1234)}; list [{3, "three"}]; grid [[{4, "four"}, {5, "five"}]];
    /// points [{0, 0}, {int32 min, int32 max}, {3, -3}].
    function emitStructs() public {
        Inner[] memory items = new Inner[](2);
        items[0] = Inner(1, "one");
        items[1] = Inner(2, "");
        Outer memory outer = Outer(Inner(7, "seven"), [Point(-1, 1), Point(2, -2)], items, bytes32(uint256(0x1234)));
        Inner[] memory list = new Inner[](1);
        list[0] = Inner(3, "three");
        Inner[2][] memory grid = new Inner[2][](1);
        grid[0] = [Inner(4, "four"), Inner(5, "five")];
        Point[3] memory points = [Point(0, 0), Point(type(int32).min, type(int32).max), Point(3, -3)];
        emit Structs(outer, list, grid, points);
    }

    /// IndexedStatics twice: (COFFEE, -42, 0xcafebabe, true), (0, int64 min, 0, false).
    /// IndexedReferences twice: ("hello", 0x0102, [1, 2, 3]), ("", 0x, []).
    /// IndexedStruct once: ({9, "nine"}, {-9, 9}, "note").
    function emitIndexed() public {
        emit IndexedStatics(COFFEE, -42, 0xcafebabe, true);
        emit IndexedStatics(address(0), type(int64).min, 0x00000000, false);
        uint256[] memory numbers = new uint256[](3);
        numbers[0] = 1;
        numbers[1] = 2;
        numbers[2] = 3;
        emit IndexedReferences("hello", hex"0102", numbers);
        emit IndexedReferences("", "", new uint256[](0));
        emit IndexedStruct(Inner(9, "nine"), Point(-9, 9), "note");
    }

    /// Anonymous4 once: (1, COFFEE, keccak256("anon"), true). AnonymousNoTopics once: "no topics".
    function emitAnonymous() public {
        emit Anonymous4(1, COFFEE, keccak256("anon"), true);
        emit AnonymousNoTopics("no topics");
    }

    /// Overloaded once per overload: (1), ("one"), (2, ALICE).
    function emitOverloaded() public {
        emit Overloaded(1);
        emit Overloaded("one");
        emit Overloaded(2, ALICE);
    }

    /// Unnamed (42, "unnamed", COFFEE); Keywords (1, true, BOB, "package"); synchronized (7);
    /// Event (8, keccak256("decode"), "filter"); Empty; each once.
    function emitNames() public {
        emit Unnamed(42, "unnamed", COFFEE);
        emit Keywords(1, true, BOB, "package");
        emit synchronized(7);
        emit Event(8, keccak256("decode"), "filter");
        emit Empty();
    }

    /// Transfer once: ALICE to BOB, 1000.
    function emitTransfer() public {
        emit Transfer(ALICE, BOB, 1000);
    }
}

/// @notice Emits Transfer with the ERC-721 layout: the same topic 0 as AllShapes.Transfer, but the
/// third argument is indexed, so the log has four topics and no data.
contract AllShapesErc721 {
    address private constant ALICE = address(uint160(0xA11CE));
    address private constant BOB = address(uint160(0xB0B));

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);

    /// Transfer once: ALICE to BOB, token 1000.
    function emitTransfer() external {
        emit Transfer(ALICE, BOB, 1000);
    }
}
