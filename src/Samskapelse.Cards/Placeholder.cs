namespace Samskapelse.Cards;
internal static class Placeholder { }
